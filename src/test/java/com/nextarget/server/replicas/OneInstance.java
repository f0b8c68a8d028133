package com.nextarget.server.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.RunningServer;
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

    /** A Google app sign-in on one instance; the callback's redirect to the app. */
    static HttpResponse<String> appLogin(RunningServer instance, AppClient app) {
        Browser browser = new Browser();
        HttpResponse<String> start = browser.get(instance.uri(app.startPath("google")));
        assertThat(start.statusCode()).as("start: %s", start.body()).isIn(302, 303, 307);
        URI callback = Browser.location(browser.get(Browser.location(start)));
        return browser.get(on(instance, callback));
    }
}
