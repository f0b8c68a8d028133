package com.nextarget.server.auth.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.FakeGoogle;
import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.RunningServer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GoogleLoginIT {

    private final RunningServer server = RunningServer.shared();
    private final FakeGoogle google = RunningServer.google();

    @Test
    void startRedirectsToTheAuthorizationEndpointWithEverythingOpenIdNeeds() {
        var start = new Browser().get(server.uri("/auth/google/start"));
        assertThat(start.statusCode()).isIn(302, 303, 307);
        URI location = Browser.location(start);
        assertThat(location.toString()).startsWith(google.issuer() + "/authorize?");
        Map<String, String> query = Browser.query(location);
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", RunningServer.GOOGLE_CLIENT_ID)
                .containsEntry("redirect_uri", server.uri("/auth/google/callback").toString());
        assertThat(query.get("scope").split(" ")).contains("openid", "email");
        assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(16);
        assertThat(query.get("nonce")).hasSizeGreaterThanOrEqualTo(16);
        assertThat(start.headers().allValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("HttpOnly"));
    }

    @Test
    void everyStartHasFreshStateAndNonce() {
        Map<String, String> first = Browser.query(Browser.location(new Browser().get(server.uri("/auth/google/start"))));
        Map<String, String> second = Browser.query(Browser.location(new Browser().get(server.uri("/auth/google/start"))));
        assertThat(second.get("state")).isNotEqualTo(first.get("state"));
        assertThat(second.get("nonce")).isNotEqualTo(first.get("nonce"));
    }

    @Test
    void wholeBrowserFlowEndsWithAnAccessTokenForUsersMe() {
        String subject = "google-" + UUID.randomUUID();
        google.enqueue(FakeGoogle.Login.as(subject).email("ada@example.com"));
        HttpResponse<String> callback = Logins.login(new Browser(), server, "google");

        assertThat(callback.statusCode()).isEqualTo(200);
        assertThat(callback.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonObject token = Http.json(callback.body());
        assertThat(token.getString("token_type")).isEqualTo("bearer");
        assertThat(token.getJsonNumber("expires_in").longValue()).isEqualTo(3600);

        var me = Http.withBearer(server.uri("/users/me"), token.getString("access_token"));
        assertThat(me.statusCode()).isEqualTo(200);
        JsonObject user = Http.json(me.body());
        assertThat(user.getString("email")).isEqualTo("ada@example.com");
        assertThat(user.getString("provider")).isEqualTo("google");
        assertThat(user.getBoolean("email_verified")).isTrue();
    }

    @Test
    void secondLoginKeepsTheSameUserIdAndUpdatesAChangedEmail() {
        String subject = "google-" + UUID.randomUUID();
        google.enqueue(FakeGoogle.Login.as(subject).email("before@example.com"));
        JsonObject first = me(Logins.accessToken(server, "google"));
        google.enqueue(FakeGoogle.Login.as(subject).email("after@example.com"));
        JsonObject second = me(Logins.accessToken(server, "google"));
        assertThat(second.getJsonNumber("id").longValue()).isEqualTo(first.getJsonNumber("id").longValue());
        assertThat(second.getString("email")).isEqualTo("after@example.com");
    }

    @Test
    void providerMetadataIsReadOnceAndKept() {
        assertThat(Logins.login(new Browser(), server, "google").statusCode()).isEqualTo(200);
        int reads = google.discoveryRequests();
        assertThat(Logins.login(new Browser(), server, "google").statusCode()).isEqualTo(200);
        assertThat(Logins.login(new Browser(), server, "google").statusCode()).isEqualTo(200);
        assertThat(google.discoveryRequests()).isEqualTo(reads);
    }

    @Test
    void loginEndsTheServerSessionSoTheNextStartIsAFreshLogin() {
        Browser browser = new Browser();
        assertThat(Logins.login(browser, server, "google").statusCode()).isEqualTo(200);
        var again = browser.get(server.uri("/auth/google/start"));
        assertThat(again.statusCode()).isIn(302, 303, 307);
        assertThat(Browser.location(again).toString()).startsWith(google.issuer() + "/authorize?");
    }

    @Test
    void refusedConsentIs400() {
        google.enqueue(FakeGoogle.Login.as("refuser").deny());
        assertBadRequest(Logins.login(new Browser(), server, "google"));
    }

    @Test
    void codeRefusedByGoogleIs400() {
        google.enqueue(FakeGoogle.Login.as("refused-code").tokenEndpointStatus(400, "{\"error\":\"invalid_grant\"}"));
        assertBadRequest(Logins.login(new Browser(), server, "google"));
    }

    @Test
    void idTokenWithABadSignatureIs401() {
        assertIdTokenRejected(FakeGoogle.Login.as("bad-signature").signedWithUnknownKey());
    }

    @Test
    void idTokenForAnotherAudienceIs401() {
        assertIdTokenRejected(FakeGoogle.Login.as("wrong-aud").audience("someone-else"));
    }

    @Test
    void idTokenWithSeveralAudiencesAndNoAzpIs401() {
        assertIdTokenRejected(FakeGoogle.Login.as("multi-aud").audience(RunningServer.GOOGLE_CLIENT_ID, "other-client"));
    }

    @Test
    void idTokenFromAnotherIssuerIs401() {
        assertIdTokenRejected(FakeGoogle.Login.as("wrong-iss").issuer("https://accounts.evil.example"));
    }

    @Test
    void expiredIdTokenIs401() {
        assertIdTokenRejected(FakeGoogle.Login.as("expired").expiresInSeconds(-120));
    }

    @Test
    void idTokenIssuedInTheFutureIs401() {
        assertIdTokenRejected(FakeGoogle.Login.as("future-iat").issuedAtOffsetSeconds(600));
    }

    @Test
    void idTokenWithAnotherNonceIs401() {
        assertIdTokenRejected(FakeGoogle.Login.as("wrong-nonce").nonce("not-the-nonce-we-sent"));
    }

    @Test
    void idTokenWithoutNonceIs401() {
        assertIdTokenRejected(FakeGoogle.Login.as("no-nonce").omitNonce());
    }

    @Test
    void unsignedIdTokenIs401() {
        assertIdTokenRejected(FakeGoogle.Login.as("alg-none").unsigned());
    }

    @Test
    void idTokenSignedWithTheClientSecretIs401() {
        assertIdTokenRejected(FakeGoogle.Login.as("hs256").hs256WithClientSecret());
    }

    @Test
    void rotatedProviderKeyIsAccepted() {
        assertThat(Logins.login(new Browser(), server, "google").statusCode()).isEqualTo(200);
        int jwksReads = google.jwksRequests();
        google.rotateKey();
        google.enqueue(FakeGoogle.Login.as("after-rotation-" + UUID.randomUUID()));
        assertThat(Logins.login(new Browser(), server, "google").statusCode()).isEqualTo(200);
        assertThat(google.jwksRequests()).isGreaterThan(jwksReads);
    }

    @Test
    void providerFailureIs502() {
        google.enqueue(FakeGoogle.Login.as("provider-500").tokenEndpointStatus(500, "oops"));
        var callback = Logins.login(new Browser(), server, "google");
        assertThat(callback.statusCode()).isEqualTo(502);
        assertThat(callback.body()).startsWith("{\"detail\":");
    }

    @Test
    void providerSlowerThanTenSecondsIs504() {
        google.enqueue(FakeGoogle.Login.as("slow").tokenEndpointDelayMillis(12_000));
        long started = System.nanoTime();
        var callback = Logins.login(new Browser(), server, "google");
        assertThat(callback.statusCode()).isEqualTo(504);
        assertThat(callback.body()).startsWith("{\"detail\":");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(11_500);
    }

    @Test
    void loginNeverCallsUserinfoAndLeaksNothing() {
        Browser browser = new Browser();
        URI callback = Logins.callbackUri(browser, server, "google");
        HttpResponse<String> response = browser.get(callback);
        assertThat(response.statusCode()).isEqualTo(200);
        String accessToken = Logins.accessTokenOf(response);
        assertThat(google.userinfoRequests()).isZero();
        String log = server.log();
        assertThat(log).doesNotContain(Browser.query(callback).get("code")).doesNotContain(accessToken)
                .doesNotContain(RunningServer.GOOGLE_CLIENT_SECRET).doesNotContain(RunningServer.sharedSecret());
    }

    private void assertIdTokenRejected(FakeGoogle.Login login) {
        String subject = login.subject();
        google.enqueue(login);
        HttpResponse<String> callback = Logins.login(new Browser(), server, "google");
        assertThat(callback.statusCode()).isEqualTo(401);
        assertThat(callback.body()).startsWith("{\"detail\":\"Invalid id_token");
        assertThat(callback.body()).doesNotContain("access_token");
        assertThat(google.userinfoRequests()).isZero();
        try {
            assertThat(com.nextarget.server.testing.Users.count(server, "subject = '" + subject + "'")).isZero();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertBadRequest(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"detail\":\"").doesNotContain("access_token");
    }

    private JsonObject me(String accessToken) {
        var response = Http.withBearer(server.uri("/users/me"), accessToken);
        assertThat(response.statusCode()).isEqualTo(200);
        return Http.json(response.body());
    }
}
