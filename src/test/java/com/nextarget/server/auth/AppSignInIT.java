package com.nextarget.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.AppSignIn;
import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.FakeFacebook;
import com.nextarget.server.testing.FakeGoogle;
import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.RunningServer;
import com.nextarget.server.testing.Users;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** App sign-in through the system browser with PKCE and a one-time code (CONTRACT part two, RFC 8252, RFC 7636). */
class AppSignInIT {

    private final RunningServer server = RunningServer.shared();

    @ParameterizedTest
    @ValueSource(strings = {"google", "facebook"})
    void appSignInEndsWithTokensRedeemedWithThePkceVerifier(String provider) {
        AppSignIn app = new AppSignIn();
        HttpResponse<String> start = app.browser.get(app.startUri(server, provider));
        assertThat(start.statusCode()).isEqualTo(302);
        Map<String, String> toProvider = Browser.query(Browser.location(start));
        // the provider gets the server's own redirect_uri, state and nonce, never the app's
        assertThat(toProvider.get("redirect_uri")).isEqualTo(server.uri("/auth/" + provider + "/callback").toString());
        assertThat(toProvider.get("state")).isNotEqualTo(app.state);
        assertThat(toProvider).doesNotContainValue(app.challenge);

        HttpResponse<String> toApp = app.browser.get(Browser.location(app.browser.get(Browser.location(start))));
        assertThat(toApp.statusCode()).isEqualTo(302);
        assertThat(toApp.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(toApp.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        String location = toApp.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(AppSignIn.REDIRECT_URI + "?").doesNotContain("access_token")
                .doesNotContain("refresh_token").doesNotContain("id_token");
        Map<String, String> query = Browser.query(URI.create(location));
        assertThat(query).containsOnlyKeys("code", "state").containsEntry("state", app.state);

        HttpResponse<String> tokens = app.redeem(server, query.get("code"));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(tokens.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonObject body = Http.json(tokens.body());
        assertThat(body.getString("token_type")).isEqualTo("bearer");
        assertThat(body.getString("refresh_token")).matches("[A-Za-z0-9_-]{43,}");
        var me = Http.withBearer(server.uri("/users/me"), body.getString("access_token"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(Http.json(me.body()).getString("provider")).isEqualTo(provider);
    }

    @Test
    void anHttpsRedirectUriWithAQueryKeepsItsQuery() {
        AppSignIn app = new AppSignIn(AppSignIn.HTTPS_REDIRECT_URI);
        String code = app.code(server, "google");
        assertThat(app.redeem(server, code).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.nextarget.test:/oauth2redirect/", "com.nextarget.test:/OAuth2redirect",
            "com.nextarget.test:/oauth2redirect?x=1", "com.nextarget.tes:/oauth2redirect", "https://evil.example/cb"})
    void aRedirectUriThatIsNotExactlyRegisteredIs400WithoutARedirect(String nearMiss) {
        for (String provider : new String[] {"google", "facebook"}) {
            AppSignIn app = new AppSignIn(nearMiss);
            assertJsonError(app.browser.get(app.startUri(server, provider)), 400);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "s256", ""})
    void aChallengeMethodOtherThanS256Is400(String method) {
        AppSignIn app = new AppSignIn();
        String start = app.startUri(server, "google").toString().replace("code_challenge_method=S256",
                "code_challenge_method=" + method);
        assertJsonError(Http.get(URI.create(start)), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tooshort", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG=",
            "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF+"})
    void aChallengeThatIsNot43Base64UrlCharactersIs400(String challenge) {
        AppSignIn app = new AppSignIn();
        String start = app.startUri(server, "facebook").toString().replace("code_challenge=" + app.challenge,
                "code_challenge=" + Http.form(Map.of("x", challenge)).substring(2));
        assertJsonError(Http.get(URI.create(start)), 400);
    }

    @Test
    void aResponseTypeOtherThanCodeIs400() {
        AppSignIn app = new AppSignIn();
        String start = app.startUri(server, "google").toString().replace("response_type=code", "response_type=token");
        assertJsonError(Http.get(URI.create(start)), 400);
    }

    @Test
    void theAppsStateAndNonceNeverReachTheOpenIdMechanism() {
        var start = new Browser().get(server.uri("/auth/google/start?state=x&nonce=y"));
        assertThat(start.statusCode()).isEqualTo(302);
        Map<String, String> query = Browser.query(Browser.location(start));
        assertThat(query.get("state")).isNotEqualTo("x").hasSizeGreaterThanOrEqualTo(16);
        assertThat(query.get("nonce")).isNotEqualTo("y");
    }

    @Test
    void aPendingLoginsCodeAndStateSentToStartDoNotSpendIt() {
        Browser browser = new Browser();
        URI callback = com.nextarget.server.testing.Logins.callbackUri(browser, server, "google");
        var bogus = new Browser().get(server.uri("/auth/google/start?" + callback.getRawQuery()));
        assertThat(bogus.statusCode()).isEqualTo(302);
        assertThat(browser.get(callback).statusCode()).isEqualTo(200);
    }

    @Test
    void aPersonWhoRefusesAtGoogleIsSentBackToTheAppWithAccessDenied() throws Exception {
        RunningServer.google().enqueue(FakeGoogle.Login.as("refuser").deny());
        assertAppError(new AppSignIn(), "google", "access_denied");
    }

    @Test
    void aPersonWhoRefusesAtFacebookIsSentBackToTheAppWithAccessDenied() throws Exception {
        RunningServer.facebook().enqueue(FakeFacebook.Login.as("refuser").deny());
        assertAppError(new AppSignIn(), "facebook", "access_denied");
    }

    @Test
    void aRejectedIdTokenSendsTheAppAccessDeniedAndStoresNothing() throws Exception {
        String subject = "rejected-" + UUID.randomUUID();
        RunningServer.google().enqueue(FakeGoogle.Login.as(subject).audience("someone-else"));
        assertAppError(new AppSignIn(), "google", "access_denied");
        assertThat(Users.count(server, "subject = '" + subject + "'")).isZero();
    }

    @Test
    void aFailingProviderSendsTheAppTemporarilyUnavailable() throws Exception {
        RunningServer.google().enqueue(FakeGoogle.Login.as("g-" + UUID.randomUUID())
                .tokenEndpointStatus(500, "{\"error\":\"server_error\"}"));
        assertAppError(new AppSignIn(), "google", "temporarily_unavailable");
        RunningServer.facebook().enqueue(FakeFacebook.Login.as("f-" + UUID.randomUUID()).meStatus(500, "{}"));
        assertAppError(new AppSignIn(), "facebook", "temporarily_unavailable");
    }

    @Test
    void aForgedStateOfAnAppLoginIs400JsonAndGoesNowhere() {
        AppSignIn app = new AppSignIn();
        app.browser.get(app.startUri(server, "facebook"));
        var forged = app.browser.get(server.uri("/auth/facebook/callback?code=x&state=forged"));
        assertJsonError(forged, 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"google", "facebook"})
    void aWrongVerifierIsInvalidGrant(String provider) {
        AppSignIn app = new AppSignIn();
        String code = app.code(server, provider);
        assertInvalidGrant(AppSignIn.redeem(server, code, AppSignIn.randomUrlSafe(48), app.redirectUri));
    }

    @Test
    void anotherRedirectUriIsInvalidGrant() {
        AppSignIn app = new AppSignIn();
        String code = app.code(server, "google");
        assertInvalidGrant(AppSignIn.redeem(server, code, app.verifier, AppSignIn.HTTPS_REDIRECT_URI));
    }

    @Test
    void anUnknownCodeIsInvalidGrant() {
        assertInvalidGrant(AppSignIn.redeem(server, "no-such-code", AppSignIn.randomUrlSafe(48), AppSignIn.REDIRECT_URI));
    }

    @Test
    void aCodeRedeemedTwiceIsInvalidGrantAndEndsTheSessionItStarted() {
        AppSignIn app = new AppSignIn();
        String code = app.code(server, "facebook");
        JsonObject first = Http.json(app.redeem(server, code).body());
        String access = first.getString("access_token");
        assertThat(Http.withBearer(server.uri("/users/me"), access).statusCode()).isEqualTo(200);

        assertInvalidGrant(app.redeem(server, code));
        assertThat(Http.withBearer(server.uri("/users/me"), access).statusCode()).isEqualTo(401);
        assertInvalidGrant(AppSignIn.refresh(server, first.getString("refresh_token")));
    }

    @Test
    void aCodeExpiresAfterSixtySeconds() throws InterruptedException {
        AppSignIn app = new AppSignIn();
        String code = app.code(server, "google");
        Thread.sleep(61_000);
        assertInvalidGrant(app.redeem(server, code));
    }

    private void assertAppError(AppSignIn app, String provider, String error) {
        HttpResponse<String> toApp = app.callback(server, provider);
        assertThat(toApp.statusCode()).as(toApp.body()).isEqualTo(302);
        Map<String, String> query = Browser.query(URI.create(toApp.headers().firstValue("Location").orElseThrow()));
        assertThat(toApp.headers().firstValue("Location").orElseThrow()).startsWith(app.redirectUri + "?");
        assertThat(query).containsEntry("error", error).containsEntry("state", app.state)
                .containsKey("error_description").doesNotContainKey("code");
    }

    static void assertJsonError(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(Http.json(response.body()).keySet()).containsExactly("detail");
    }

    static void assertInvalidGrant(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonObject body = Http.json(response.body());
        assertThat(body.getString("error")).isEqualTo("invalid_grant");
        assertThat(body.getString("detail")).isNotBlank();
    }
}
