package com.nextarget.server.auth.facebook;

import static com.nextarget.server.testing.SdkSignIns.assertRefused;
import static com.nextarget.server.testing.SdkSignIns.assertSignedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.FakeFacebook;
import com.nextarget.server.testing.FakeFacebook.LimitedLogin;
import com.nextarget.server.testing.FakeFacebook.Login;
import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.RunningServer;
import com.nextarget.server.testing.SdkSignIns;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** POST /auth/facebook/token: a user access token of the SDK, or a Limited Login id_token. */
class FacebookSdkSignInIT {

    private final RunningServer server = RunningServer.shared();
    private final FakeFacebook facebook = RunningServer.facebook();

    // the classic SDK: a user access token, checked with debug_token, then /me

    @Test
    void accessTokenSignsIn() {
        String id = uniqueId();
        String accessToken = facebook.sdkAccessToken(Login.as(id).email("grace.sdk@example.com"));
        int debugTokenRequests = facebook.debugTokenRequests();
        JsonObject tokens = assertSignedIn(withAccessToken(accessToken));
        assertThat(facebook.debugTokenRequests()).isEqualTo(debugTokenRequests + 1);
        assertThat(facebook.lastAppsecretProof()).isEqualTo(
                GraphApiClient.appSecretProof(accessToken, RunningServer.FACEBOOK_APP_SECRET));
        JsonObject me = me(tokens);
        assertThat(me.getString("provider")).isEqualTo("facebook");
        assertThat(me.getString("email")).isEqualTo("grace.sdk@example.com");
    }

    @Test
    void accessTokenOfAnotherAppIs401AndNoProfileIsRead() {
        int meRequests = facebook.meRequests();
        assertRefused(withAccessToken(facebook.sdkAccessTokenOfAnotherApp(Login.as(uniqueId()))), 401);
        assertThat(facebook.meRequests()).isEqualTo(meRequests);
    }

    @Test
    void invalidAccessTokenIs401() {
        assertRefused(withAccessToken("EAAnot-a-token-facebook-knows"), 401);
    }

    @Test
    void profileOfAnotherUserThanDebugTokenNamesIs401() {
        assertRefused(withAccessToken(facebook.sdkAccessToken(Login.as(uniqueId()).debugTokenUserId(uniqueId()))),
                401);
    }

    @Test
    void debugTokenFailingIs502() {
        assertRefused(withAccessToken(facebook.sdkAccessToken(Login.as(uniqueId())
                .debugTokenStatus(500, "{\"error\":{\"message\":\"An unknown error occurred\",\"code\":1}}"))), 502);
    }

    @Test
    void debugTokenSlowerThanTenSecondsIs504() {
        assertRefused(withAccessToken(facebook.sdkAccessToken(Login.as(uniqueId()).debugTokenDelayMillis(12_000))),
                504);
    }

    @Test
    void profileFailingIs502() {
        assertRefused(withAccessToken(facebook.sdkAccessToken(Login.as(uniqueId()).meStatus(500, "{}"))), 502);
    }

    // Limited Login (iOS): an id_token with a nonce of POST /auth/nonce

    @Test
    void limitedLoginTokenSignsIn() {
        String id = uniqueId();
        JsonObject tokens = assertSignedIn(withIdToken(facebook.limitedLoginToken(LimitedLogin.as(id)
                .email("grace.limited@example.com").nonce(SdkSignIns.nonce(server)))));
        JsonObject me = me(tokens);
        assertThat(me.getString("provider")).isEqualTo("facebook");
        assertThat(me.getString("email")).isEqualTo("grace.limited@example.com");
    }

    @Test
    void limitedLoginTokenWithTheHashedNonceSignsIn() {
        String nonce = SdkSignIns.nonce(server);
        assertSignedIn(withIdToken(facebook.limitedLoginToken(LimitedLogin.as(uniqueId())
                .nonce(SdkSignIns.hashed(nonce)))));
    }

    @Test
    void limitedLoginWithoutEmailGetsThePlaceholder() {
        String id = uniqueId();
        JsonObject me = me(assertSignedIn(withIdToken(facebook.limitedLoginToken(LimitedLogin.as(id).email(null)
                .nonce(SdkSignIns.nonce(server))))));
        assertThat(me.getString("email")).endsWith(".invalid").contains(id);
        assertThat(me.getBoolean("email_is_placeholder")).isTrue();
    }

    @Test
    void limitedLoginAndTheClassicTokenOfOnePersonAreOneUser() {
        String id = uniqueId();
        long classic = me(assertSignedIn(withAccessToken(facebook.sdkAccessToken(Login.as(id)))))
                .getJsonNumber("id").longValue();
        long limited = me(assertSignedIn(withIdToken(facebook.limitedLoginToken(LimitedLogin.as(id)
                .nonce(SdkSignIns.nonce(server)))))).getJsonNumber("id").longValue();
        assertThat(limited).isEqualTo(classic);
    }

    @Test
    void sameLimitedLoginTokenTwiceIs401() {
        String idToken = facebook.limitedLoginToken(LimitedLogin.as(uniqueId()).nonce(SdkSignIns.nonce(server)));
        assertSignedIn(withIdToken(idToken));
        assertRefused(withIdToken(idToken), 401);
    }

    @Test
    void racingRequestsWithOneLimitedLoginTokenGiveExactlyOne200() throws Exception {
        String idToken = facebook.limitedLoginToken(LimitedLogin.as(uniqueId()).nonce(SdkSignIns.nonce(server)));
        assertThat(SdkSignIns.racing(8, () -> withIdToken(idToken)))
                .containsOnly(200, 401)
                .filteredOn(status -> status == 200).hasSize(1);
    }

    @Test
    void rejectedLimitedLoginTokenSpendsNothing() {
        String nonce = SdkSignIns.nonce(server);
        assertRefused(withIdToken(facebook.limitedLoginToken(LimitedLogin.as(uniqueId()).nonce(nonce)
                .audience("another-facebook-app"))), 401);
        assertSignedIn(withIdToken(facebook.limitedLoginToken(LimitedLogin.as(uniqueId()).nonce(nonce))));
    }

    @Test
    void limitedLoginTokenWithoutNonceIs401() {
        assertRefused(withIdToken(facebook.limitedLoginToken(LimitedLogin.as(uniqueId()))), 401);
    }

    @Test
    void limitedLoginTokenOfAnotherAppIs401() {
        assertRefused(withIdToken(facebook.limitedLoginToken(LimitedLogin.as(uniqueId()).audience("another-app")
                .nonce(SdkSignIns.nonce(server)))), 401);
    }

    @Test
    void limitedLoginTokenOfAnotherIssuerIs401() {
        assertRefused(withIdToken(facebook.limitedLoginToken(LimitedLogin.as(uniqueId())
                .issuer("https://www.facebook.com").nonce(SdkSignIns.nonce(server)))), 401);
    }

    @Test
    void expiredLimitedLoginTokenIs401() {
        assertRefused(withIdToken(facebook.limitedLoginToken(LimitedLogin.as(uniqueId()).expiresInSeconds(-120)
                .nonce(SdkSignIns.nonce(server)))), 401);
    }

    @Test
    void unsignedLimitedLoginTokenIs401() {
        assertRefused(withIdToken(facebook.limitedLoginToken(LimitedLogin.as(uniqueId()).unsigned()
                .nonce(SdkSignIns.nonce(server)))), 401);
    }

    @Test
    void limitedLoginTokenSignedByAnUnpublishedKeyIs401() {
        assertRefused(withIdToken(facebook.limitedLoginToken(LimitedLogin.as(uniqueId()).signedWithUnknownKey()
                .nonce(SdkSignIns.nonce(server)))), 401);
    }

    // the body

    @Test
    void bothMembersAre400() {
        String body = Json.createObjectBuilder()
                .add("access_token", facebook.sdkAccessToken(Login.as(uniqueId())))
                .add("id_token", facebook.limitedLoginToken(LimitedLogin.as(uniqueId()).nonce(SdkSignIns.nonce(server))))
                .build().toString();
        assertRefused(SdkSignIns.postBody(server, "facebook", body), 400);
    }

    @Test
    void neitherMemberIs400() {
        assertRefused(SdkSignIns.postBody(server, "facebook", "{}"), 400);
        assertRefused(SdkSignIns.postBody(server, "facebook", "{\"access_token\":null,\"id_token\":null}"), 400);
    }

    @Test
    void missingOrMalformedBodyIs400() {
        assertRefused(SdkSignIns.postBody(server, "facebook", ""), 400);
        assertRefused(SdkSignIns.postBody(server, "facebook", "access_token=EAA"), 400);
        assertRefused(SdkSignIns.postBody(server, "facebook", "{\"access_token\":true}"), 400);
    }

    @Test
    void neitherTokenNorNonceIsLogged() {
        String accessToken = facebook.sdkAccessToken(Login.as(uniqueId()));
        JsonObject tokens = assertSignedIn(withAccessToken(accessToken));
        String foreign = facebook.sdkAccessTokenOfAnotherApp(Login.as(uniqueId()));
        assertRefused(withAccessToken(foreign), 401);
        String failing = facebook.sdkAccessToken(Login.as(uniqueId()).debugTokenStatus(500, "{}"));
        assertRefused(withAccessToken(failing), 502);
        String nonce = SdkSignIns.nonce(server);
        String idToken = facebook.limitedLoginToken(LimitedLogin.as(uniqueId()).nonce(nonce));
        assertSignedIn(withIdToken(idToken));
        assertRefused(withIdToken(idToken), 401);
        assertThat(server.log()).doesNotContain(accessToken).doesNotContain(foreign).doesNotContain(failing)
                .doesNotContain(RunningServer.FACEBOOK_APP_SECRET).doesNotContain(nonce)
                .doesNotContain(SdkSignIns.hashed(nonce)).doesNotContain(idToken)
                .doesNotContain(idToken.substring(idToken.lastIndexOf('.') + 1))
                .doesNotContain(tokens.getString("access_token")).doesNotContain(tokens.getString("refresh_token"));
    }

    private HttpResponse<String> withAccessToken(String accessToken) {
        return SdkSignIns.post(server, "facebook", "access_token", accessToken);
    }

    private HttpResponse<String> withIdToken(String idToken) {
        return SdkSignIns.post(server, "facebook", "id_token", idToken);
    }

    private JsonObject me(JsonObject tokens) {
        var me = Http.withBearer(server.uri("/users/me"), tokens.getString("access_token"));
        assertThat(me.statusCode()).isEqualTo(200);
        return Http.json(me.body());
    }

    private static String uniqueId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_000_000_000_000L));
    }
}
