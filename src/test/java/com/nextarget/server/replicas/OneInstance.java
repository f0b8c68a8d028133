package com.nextarget.server.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.AppSignIn;
import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.RunningServer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;

/**
 * Logins kept on one instance, the provider's redirect sent there instead of to the balancer: for tests about what
 * happens after a login, so that they do not depend on logins crossing instances.
 */
final class OneInstance {

    private OneInstance() {
    }

    /** The same request sent straight to one instance. */
    static URI on(RunningServer instance, URI uri) {
        return instance.uri(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** A whole Google browser login on one instance; the successful callback's response. */
    static HttpResponse<String> browserLogin(RunningServer instance) {
        Browser browser = new Browser();
        URI callback = Logins.callbackUri(browser, instance, "google");
        HttpResponse<String> finished = browser.get(on(instance, callback));
        assertThat(finished.statusCode()).as("callback: %s", finished.body()).isEqualTo(200);
        return finished;
    }

    /** A Google app sign-in on one instance; the one-time code of the callback's redirect to the app. */
    static String appLogin(RunningServer instance, AppSignIn app) {
        HttpResponse<String> start = app.browser.get(app.startUri(instance, "google"));
        assertThat(start.statusCode()).as("start: %s", start.body()).isEqualTo(302);
        URI callback = Browser.location(app.browser.get(Browser.location(start)));
        return app.codeIn(app.browser.get(on(instance, callback)));
    }

    /** The tokens of a Google app sign-in done and redeemed on one instance. */
    static JsonObject appTokens(RunningServer instance) {
        AppSignIn app = new AppSignIn();
        HttpResponse<String> redeemed = app.redeem(instance, appLogin(instance, app));
        assertThat(redeemed.statusCode()).as("token: %s", redeemed.body()).isEqualTo(200);
        return Http.json(redeemed.body());
    }

    static HttpResponse<String> logout(RunningServer instance, String accessToken) {
        return Http.post(instance.uri("/auth/logout"), "application/x-www-form-urlencoded", "",
                "Authorization", "Bearer " + accessToken);
    }
}
