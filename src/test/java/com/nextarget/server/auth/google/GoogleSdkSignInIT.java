package com.nextarget.server.auth.google;

import static com.nextarget.server.testing.SdkSignIns.assertRefused;
import static com.nextarget.server.testing.SdkSignIns.assertSignedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.AppSignIn;
import com.nextarget.server.testing.FakeGoogle;
import com.nextarget.server.testing.FakeGoogle.Login;
import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.RunningServer;
import com.nextarget.server.testing.SdkSignIns;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /auth/google/token: an id_token of Google's SDK, carrying a nonce of POST /auth/nonce. */
class GoogleSdkSignInIT {

    private final RunningServer server = RunningServer.shared();
    private final FakeGoogle google = RunningServer.google();

    @Test
    void androidTokenForTheWebClientWithTheAndroidClientAsAzpSignsIn() {
        String subject = uniqueSubject();
        String idToken = google.idToken(android(subject).email("ada.android@example.com")
                .nonce(SdkSignIns.nonce(server)));
        JsonObject tokens = assertSignedIn(signIn(idToken));
        JsonObject me = me(tokens);
        assertThat(me.getString("provider")).isEqualTo("google");
        assertThat(me.getString("email")).isEqualTo("ada.android@example.com");
        assertThat(AppSignIn.refresh(server, tokens.getString("refresh_token")).statusCode()).isEqualTo(200);
    }

    @Test
    void iosTokenWithTheHashedNonceSignsIn() {
        String nonce = SdkSignIns.nonce(server);
        String idToken = google.idToken(Login.as(uniqueSubject()).audience(RunningServer.GOOGLE_IOS_CLIENT_ID)
                .azp(RunningServer.GOOGLE_IOS_CLIENT_ID).nonce(SdkSignIns.hashed(nonce)));
        assertSignedIn(signIn(idToken));
    }

    @Test
    void sameGoogleAccountIsTheSameUserAsBefore() {
        String subject = uniqueSubject();
        long first = me(assertSignedIn(signIn(google.idToken(android(subject).nonce(SdkSignIns.nonce(server))))))
                .getJsonNumber("id").longValue();
        long second = me(assertSignedIn(signIn(google.idToken(Login.as(subject)
                .nonce(SdkSignIns.nonce(server)))))).getJsonNumber("id").longValue();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void sameIdTokenTwiceIs401() {
        String idToken = google.idToken(android(uniqueSubject()).nonce(SdkSignIns.nonce(server)));
        assertSignedIn(signIn(idToken));
        assertRefused(signIn(idToken), 401);
    }

    @Test
    void spentNonceInAnotherTokenIs401() {
        String nonce = SdkSignIns.nonce(server);
        assertSignedIn(signIn(google.idToken(android(uniqueSubject()).nonce(nonce))));
        assertRefused(signIn(google.idToken(android(uniqueSubject()).nonce(nonce))), 401);
        assertRefused(signIn(google.idToken(android(uniqueSubject()).nonce(SdkSignIns.hashed(nonce)))), 401);
    }

    @Test
    void racingRequestsWithOneTokenGiveExactlyOne200() throws Exception {
        String idToken = google.idToken(android(uniqueSubject()).nonce(SdkSignIns.nonce(server)));
        assertThat(SdkSignIns.racing(8, () -> signIn(idToken)))
                .containsOnly(200, 401)
                .filteredOn(status -> status == 200).hasSize(1);
    }

    @Test
    void rejectedTokenSpendsNothing() {
        String nonce = SdkSignIns.nonce(server);
        assertRefused(signIn(google.idToken(android(uniqueSubject()).nonce(nonce).expiresInSeconds(-120))), 401);
        assertRefused(signIn(google.idToken(android(uniqueSubject()).nonce(nonce).audience("someone-elses-app"))), 401);
        assertSignedIn(signIn(google.idToken(android(uniqueSubject()).nonce(nonce))));
    }

    @Test
    void tokenWithoutNonceIs401() {
        assertRefused(signIn(google.idToken(android(uniqueSubject()))), 401);
    }

    @Test
    void nonceTheServerNeverIssuedIs401() {
        assertRefused(signIn(google.idToken(android(uniqueSubject()).nonce("made-up-" + UUID.randomUUID()))), 401);
    }

    @Test
    void expiredNonceIs401() throws Exception {
        String nonce = "expired-" + UUID.randomUUID();
        try (var db = server.database();
             var insert = db.prepareStatement("INSERT INTO sdk_nonces (hash, expires_at) VALUES (?, ?)")) {
            insert.setString(1, SdkSignIns.hashed(nonce));
            insert.setLong(2, System.currentTimeMillis() - 1_000);
            insert.executeUpdate();
        }
        assertRefused(signIn(google.idToken(android(uniqueSubject()).nonce(nonce))), 401);
    }

    @Test
    void tokenForAnUnlistedClientIs401() {
        assertRefused(signIn(google.idToken(Login.as(uniqueSubject()).audience("someone-elses-app")
                .nonce(SdkSignIns.nonce(server)))), 401);
    }

    @Test
    void tokenWithAnUnlistedAzpIs401() {
        assertRefused(signIn(google.idToken(Login.as(uniqueSubject()).azp("someone-elses-app")
                .nonce(SdkSignIns.nonce(server)))), 401);
    }

    @Test
    void severalAudiencesWithoutAzpIs401() {
        assertRefused(signIn(google.idToken(Login.as(uniqueSubject())
                .audience(RunningServer.GOOGLE_CLIENT_ID, RunningServer.GOOGLE_IOS_CLIENT_ID)
                .nonce(SdkSignIns.nonce(server)))), 401);
    }

    @Test
    void tokenOfAnotherIssuerIs401() {
        assertRefused(signIn(google.idToken(android(uniqueSubject()).issuer("https://evil.example")
                .nonce(SdkSignIns.nonce(server)))), 401);
    }

    @Test
    void expiredTokenIs401() {
        assertRefused(signIn(google.idToken(android(uniqueSubject()).expiresInSeconds(-120)
                .nonce(SdkSignIns.nonce(server)))), 401);
    }

    @Test
    void tokenIssuedInTheFutureIs401() {
        assertRefused(signIn(google.idToken(android(uniqueSubject()).issuedAtOffsetSeconds(600)
                .nonce(SdkSignIns.nonce(server)))), 401);
    }

    @Test
    void unsignedTokenIs401() {
        assertRefused(signIn(google.idToken(android(uniqueSubject()).unsigned().nonce(SdkSignIns.nonce(server)))), 401);
    }

    @Test
    void hs256TokenKeyedWithTheClientSecretIs401() {
        assertRefused(signIn(google.idToken(android(uniqueSubject()).hs256WithClientSecret()
                .nonce(SdkSignIns.nonce(server)))), 401);
    }

    @Test
    void tokenSignedByAnUnpublishedKeyIs401() {
        assertRefused(signIn(google.idToken(android(uniqueSubject()).signedWithUnknownKey()
                .nonce(SdkSignIns.nonce(server)))), 401);
    }

    @Test
    void somethingThatIsNotAJwtIs401() {
        assertRefused(signIn("not-a-jwt"), 401);
    }

    @Test
    void missingOrMalformedBodyIs400() {
        assertRefused(SdkSignIns.postBody(server, "google", ""), 400);
        assertRefused(SdkSignIns.postBody(server, "google", "{\"id_token\":"), 400);
        assertRefused(SdkSignIns.postBody(server, "google", "[\"x\"]"), 400);
        assertRefused(SdkSignIns.postBody(server, "google", "{}"), 400);
        assertRefused(SdkSignIns.postBody(server, "google", "{\"id_token\":42}"), 400);
        assertRefused(SdkSignIns.postBody(server, "google", "{\"id_token\":\"\"}"), 400);
        assertRefused(Http.postForm(server.uri("/auth/google/token"), java.util.Map.of("id_token", "x")), 400);
    }

    @Test
    void nothingButTheKeysIsAskedOfGoogle() {
        String idToken = google.idToken(android(uniqueSubject()).nonce(SdkSignIns.nonce(server)));
        int tokenRequests = google.tokenRequests();
        int userinfoRequests = google.userinfoRequests();
        assertSignedIn(signIn(idToken));
        assertThat(google.tokenRequests()).isEqualTo(tokenRequests);
        assertThat(google.userinfoRequests()).isEqualTo(userinfoRequests);
    }

    @Test
    void neitherTokenNorNonceIsLogged() {
        String nonce = SdkSignIns.nonce(server);
        String idToken = google.idToken(android(uniqueSubject()).nonce(nonce));
        JsonObject tokens = assertSignedIn(signIn(idToken));
        assertRefused(signIn(idToken), 401);
        String rejected = google.idToken(android(uniqueSubject()).audience("x").nonce(SdkSignIns.nonce(server)));
        assertRefused(signIn(rejected), 401);
        assertThat(server.log()).doesNotContain(nonce).doesNotContain(SdkSignIns.hashed(nonce))
                .doesNotContain(idToken).doesNotContain(idToken.substring(idToken.lastIndexOf('.') + 1))
                .doesNotContain(rejected).doesNotContain(tokens.getString("access_token"))
                .doesNotContain(tokens.getString("refresh_token"));
    }

    /** What Credential Manager on Android gets: aud is the web client (serverClientId), azp the Android client. */
    private static Login android(String subject) {
        return Login.as(subject).azp(RunningServer.GOOGLE_ANDROID_CLIENT_ID);
    }

    private HttpResponse<String> signIn(String idToken) {
        return SdkSignIns.post(server, "google", "id_token", idToken);
    }

    private JsonObject me(JsonObject tokens) {
        var me = Http.withBearer(server.uri("/users/me"), tokens.getString("access_token"));
        assertThat(me.statusCode()).isEqualTo(200);
        return Http.json(me.body());
    }

    private static String uniqueSubject() {
        return "sdk-" + UUID.randomUUID();
    }
}
