package com.nextarget.server.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.AppSignIn;
import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.Concurrently;
import com.nextarget.server.testing.FakeGoogle;
import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.RunningServer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Refresh sessions: rotation, the retry window, reuse, logout and revocation (CONTRACT part two). */
class SessionsIT {

    private final RunningServer server = RunningServer.shared();

    @Test
    void aBrowserLoginAnswersARefreshTokenBesideTheAccessToken() {
        JsonObject tokens = login();
        assertThat(tokens.keySet()).containsExactly("access_token", "token_type", "expires_in", "refresh_token");
        assertThat(tokens.getString("refresh_token")).matches("[A-Za-z0-9_-]{43,}");
    }

    @Test
    void aRefreshSpendsTheTokenAndAnswersTheNextOneOfTheSameSession() {
        JsonObject first = login();
        HttpResponse<String> refreshed = AppSignIn.refresh(server, first.getString("refresh_token"));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonObject second = Http.json(refreshed.body());
        assertThat(second.getString("refresh_token")).isNotEqualTo(first.getString("refresh_token"));
        assertThat(second.getString("access_token")).isNotEqualTo(first.getString("access_token"));
        assertThat(me(second.getString("access_token"))).isEqualTo(200);
        assertThat(me(first.getString("access_token"))).isEqualTo(200);
        assertThat(AppSignIn.refresh(server, second.getString("refresh_token")).statusCode()).isEqualTo(200);
    }

    @Test
    void theJustSpentTokenWithinTheRetryWindowGivesTheSameNextToken() {
        JsonObject first = login();
        JsonObject once = Http.json(AppSignIn.refresh(server, first.getString("refresh_token")).body());
        HttpResponse<String> again = AppSignIn.refresh(server, first.getString("refresh_token"));
        assertThat(again.statusCode()).isEqualTo(200);
        JsonObject retried = Http.json(again.body());
        assertThat(retried.getString("refresh_token")).isEqualTo(once.getString("refresh_token"));
        assertThat(me(retried.getString("access_token"))).isEqualTo(200);
    }

    @Test
    void aSpentTokenPresentedAfterTheWindowEndsTheSession() throws InterruptedException {
        JsonObject first = login();
        JsonObject second = Http.json(AppSignIn.refresh(server, first.getString("refresh_token")).body());
        Thread.sleep(Sessions.RETRY_WINDOW.toMillis() + 1_500);

        HttpResponse<String> reuse = AppSignIn.refresh(server, first.getString("refresh_token"));
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(Http.json(reuse.body()).getString("error")).isEqualTo("invalid_grant");
        assertThat(AppSignIn.refresh(server, second.getString("refresh_token")).statusCode()).isEqualTo(400);
        assertThat(me(second.getString("access_token"))).isEqualTo(401);
        assertThat(me(first.getString("access_token"))).isEqualTo(401);
    }

    @Test
    void fiftyConcurrentRefreshesOfOneTokenGiveExactlyOneSuccessor() throws Exception {
        String refreshToken = login().getString("refresh_token");
        List<HttpResponse<String>> responses = Concurrently.run(50, 50, () -> AppSignIn.refresh(server, refreshToken));
        Set<String> successors = new HashSet<>();
        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            successors.add(Http.json(response.body()).getString("refresh_token"));
        }
        assertThat(successors).hasSize(1);
        assertThat(AppSignIn.refresh(server, successors.iterator().next()).statusCode()).isEqualTo(200);
        assertThat(server.log()).doesNotContain(refreshToken).doesNotContain(successors.iterator().next());
    }

    @Test
    void anUnknownRefreshTokenIsInvalidGrant() {
        HttpResponse<String> response = AppSignIn.refresh(server, AppSignIn.randomUrlSafe(32));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response.body()).keySet()).contains("error", "detail");
        assertThat(Http.json(response.body()).getString("error")).isEqualTo("invalid_grant");
    }

    @Test
    void logoutEndsThatSessionOnlyAndItsTokensAtOnce() {
        String subject = "two-devices-" + UUID.randomUUID();
        RunningServer.google().enqueue(FakeGoogle.Login.as(subject));
        JsonObject phone = login();
        RunningServer.google().enqueue(FakeGoogle.Login.as(subject));
        JsonObject tablet = Http.json(Logins.login(new Browser(), server, "google").body());

        HttpResponse<String> logout = post("/auth/logout", phone.getString("access_token"));
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.body()).isEmpty();
        assertThat(me(phone.getString("access_token"))).isEqualTo(401);
        assertThat(AppSignIn.refresh(server, phone.getString("refresh_token")).statusCode()).isEqualTo(400);
        assertThat(post("/auth/logout", phone.getString("access_token")).statusCode()).isEqualTo(401);

        assertThat(me(tablet.getString("access_token"))).isEqualTo(200);
        assertThat(AppSignIn.refresh(server, tablet.getString("refresh_token")).statusCode()).isEqualTo(200);
    }

    @Test
    void logoutWithoutATokenIs401WithABearerChallenge() {
        HttpResponse<String> response = Http.post(server.uri("/auth/logout"), "application/json", "");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(Http.json(response.body()).keySet()).containsExactly("detail");
    }

    @Test
    void revocationEndsTheSessionAndAnswersAnEmptyBody() {
        JsonObject tokens = login();
        HttpResponse<String> revoked = Http.postForm(server.uri("/auth/revoke"),
                Map.of("token", tokens.getString("refresh_token"), "token_type_hint", "refresh_token"));
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.body()).isEmpty();
        assertThat(me(tokens.getString("access_token"))).isEqualTo(401);
        assertThat(AppSignIn.refresh(server, tokens.getString("refresh_token")).statusCode()).isEqualTo(400);
    }

    @Test
    void revokingAnUnknownOrDeadTokenIsNoError() {
        HttpResponse<String> unknown = Http.postForm(server.uri("/auth/revoke"), Map.of("token", "no-such-token"));
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).isEmpty();
    }

    @Test
    void revocationWithoutATokenIsInvalidRequest() {
        assertOAuthError(Http.postForm(server.uri("/auth/revoke"), Map.of("token_type_hint", "refresh_token")),
                "invalid_request");
    }

    @Test
    void theTokenEndpointTakesJsonToo() {
        JsonObject tokens = login();
        HttpResponse<String> refreshed = Http.post(server.uri("/auth/token"), "application/json",
                "{\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + tokens.getString("refresh_token") + "\"}");
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    }

    @Test
    void theTokenEndpointsErrorsCarryErrorAndDetail() {
        assertOAuthError(Http.postForm(server.uri("/auth/token"), Map.of("grant_type", "password")),
                "unsupported_grant_type");
        assertOAuthError(Http.postForm(server.uri("/auth/token"), Map.of("refresh_token", "x")), "invalid_request");
        assertOAuthError(Http.postForm(server.uri("/auth/token"), Map.of("grant_type", "refresh_token")),
                "invalid_request");
        assertOAuthError(Http.post(server.uri("/auth/token"), "application/x-www-form-urlencoded",
                "grant_type=refresh_token&refresh_token=a&refresh_token=b"), "invalid_request");
        assertOAuthError(Http.post(server.uri("/auth/token"), "text/plain", "grant_type=refresh_token"),
                "invalid_request");
        assertOAuthError(Http.post(server.uri("/auth/token"), "application/json", "[1,2"), "invalid_request");
        assertOAuthError(Http.post(server.uri("/auth/token"), "application/x-www-form-urlencoded",
                "grant_type=%zz"), "invalid_request");
    }

    private JsonObject login() {
        HttpResponse<String> callback = Logins.login(new Browser(), server, "google");
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
        return Http.json(callback.body());
    }

    private int me(String accessToken) {
        return Http.withBearer(server.uri("/users/me"), accessToken).statusCode();
    }

    private HttpResponse<String> post(String path, String accessToken) {
        return Http.post(server.uri(path), "application/json", "", "Authorization", "Bearer " + accessToken);
    }

    static void assertOAuthError(HttpResponse<String> response, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonObject body = Http.json(response.body());
        assertThat(body.getString("error")).isEqualTo(error);
        assertThat(body.getString("detail")).isNotBlank();
    }
}
