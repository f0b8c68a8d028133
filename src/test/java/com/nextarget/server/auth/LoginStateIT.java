package com.nextarget.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.RunningServer;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The callback's state rules, the same for every provider. */
class LoginStateIT {

    private final RunningServer server = RunningServer.shared();

    @ParameterizedTest
    @ValueSource(strings = {"google", "facebook"})
    void missingStateIs400(String provider) {
        Browser browser = new Browser();
        URI callback = Logins.callbackUri(browser, server, provider);
        assertBadRequest(browser.get(callbackPath(provider) + "?code=" + Browser.query(callback).get("code")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"google", "facebook"})
    void forgedStateIs400(String provider) {
        Browser browser = new Browser();
        URI callback = Logins.callbackUri(browser, server, provider);
        assertBadRequest(browser.get(callbackPath(provider) + "?state=forged&code=" + Browser.query(callback).get("code")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"google", "facebook"})
    void reusedStateIs400(String provider) {
        Browser browser = new Browser();
        URI callback = Logins.callbackUri(browser, server, provider);
        assertThat(browser.get(callback).statusCode()).isEqualTo(200);
        assertBadRequest(browser.get(callback));
    }

    @ParameterizedTest
    @ValueSource(strings = {"google", "facebook"})
    void stateFromAnotherBrowserIs400(String provider) {
        assertBadRequest(new Browser().get(Logins.callbackUri(new Browser(), server, provider)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"google", "facebook"})
    void stateOfTheOtherProviderIs400(String provider) {
        String other = provider.equals("google") ? "facebook" : "google";
        Browser browser = new Browser();
        URI callback = Logins.callbackUri(browser, server, other);
        assertBadRequest(browser.get(callbackPath(provider) + "?" + callback.getRawQuery()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"google", "facebook"})
    void missingCodeIs400(String provider) {
        Browser browser = new Browser();
        URI callback = Logins.callbackUri(browser, server, provider);
        assertBadRequest(browser.get(callbackPath(provider) + "?state=" + Browser.query(callback).get("state")));
    }

    private String callbackPath(String provider) {
        return server.uri("/auth/" + provider + "/callback").toString();
    }

    private static void assertBadRequest(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"detail\":\"").doesNotContain("access_token");
    }
}
