package com.nextarget.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

/** A browser's walk through a login: start at the server, through the fake provider, back to the callback. */
public final class Logins {

    private Logins() {
    }

    /** Start → provider → the callback URL the provider sends the browser to (not yet followed). */
    public static URI callbackUri(Browser browser, Origin server, String provider) {
        HttpResponse<String> start = browser.get(server.uri("/auth/" + provider + "/start"));
        assertThat(start.statusCode()).as("start: %s", start.body()).isIn(302, 303, 307);
        HttpResponse<String> atProvider = browser.get(Browser.location(start));
        assertThat(atProvider.statusCode()).as("provider: %s", atProvider.body()).isIn(302, 303);
        return Browser.location(atProvider);
    }

    /** The whole login; returns the callback's response. */
    public static HttpResponse<String> login(Browser browser, Origin server, String provider) {
        return browser.get(callbackUri(browser, server, provider));
    }

    /** A successful login's access token. */
    public static String accessToken(Origin server, String provider) {
        HttpResponse<String> callback = login(new Browser(), server, provider);
        assertThat(callback.statusCode()).as("callback: %s", callback.body()).isEqualTo(200);
        return accessTokenOf(callback);
    }

    /** {@code logins} whole logins, each in its own browser, {@code clients} at a time; their callbacks' statuses. */
    public static List<Integer> concurrently(Origin server, String provider, int logins, int clients)
            throws Exception {
        return Concurrently.run(logins, clients, () -> login(new Browser(), server, provider).statusCode());
    }

    public static String accessTokenOf(HttpResponse<String> callback) {
        try (var reader = Json.createReader(new StringReader(callback.body()))) {
            return reader.readObject().getString("access_token");
        }
    }
}
