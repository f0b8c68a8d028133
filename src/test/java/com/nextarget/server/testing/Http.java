package com.nextarget.server.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One-off requests without cookies; responses are checked against /openapi as {@link Browser} says. */
public final class Http {

    private static final Browser CLIENT = new Browser();

    private Http() {
    }

    public static HttpResponse<String> get(URI uri) {
        return CLIENT.get(uri);
    }

    public static HttpResponse<String> get(URI uri, String... headers) {
        return CLIENT.send(HttpRequest.newBuilder(uri).GET().headers(headers).timeout(Duration.ofSeconds(30)).build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        return CLIENT.send(request);
    }

    /** Not checked against /openapi: see {@link Browser#unchecked()}. */
    public static HttpResponse<String> sendUnchecked(HttpRequest request) {
        return Browser.unchecked().send(request);
    }

    public static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    public static HttpResponse<String> withBearer(URI uri, String token) {
        return get(uri, "Authorization", "Bearer " + token);
    }
}
