package com.nextarget.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.RunningServer;
import com.nextarget.server.testing.TestTokens;
import com.nextarget.server.testing.Users;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsersMeIT {

    private final RunningServer server = RunningServer.shared();
    private final ECKey serverKey = TestTokens.keyFor(RunningServer.sharedSecret());

    @Test
    void validTokenGivesTheUser() throws Exception {
        long id = Users.insert(server, "google", "me-" + UUID.randomUUID(), "ada@example.com");
        var response = Http.withBearer(server.uri("/users/me"), TestTokens.es256(serverKey, TestTokens.claims(id).build()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"id\":" + id + ",\"email\":\"ada@example.com\",\"provider\":\"google\"");
    }

    @Test
    void theSameTokenKeepsWorkingOnLaterRequests() throws Exception {
        long id = Users.insert(server, "google", "repeat-" + UUID.randomUUID(), "repeat@example.com");
        String token = TestTokens.es256(serverKey, TestTokens.claims(id).build());
        for (int i = 0; i < 3; i++) {
            var response = Http.withBearer(server.uri("/users/me"), token);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Http.json(response.body()).getJsonNumber("id").longValue()).isEqualTo(id);
        }
    }

    @Test
    void noTokenIs401WithBearerChallenge() {
        assertUnauthorized(Http.get(server.uri("/users/me")));
    }

    @Test
    void garbageTokenIs401() {
        assertUnauthorized(Http.withBearer(server.uri("/users/me"), "not.a.jwt"));
    }

    @Test
    void nonBearerSchemeIs401() {
        assertUnauthorized(Http.get(server.uri("/users/me"), "Authorization", "Basic YWRhOmxvdmVsYWNl"));
    }

    @Test
    void expiredTokenIs401() throws Exception {
        long id = Users.insert(server, "google", "expired-subject", "old@example.com");
        Instant past = Instant.now().minusSeconds(3600);
        var claims = TestTokens.claims(id).issueTime(Date.from(past))
                .expirationTime(Date.from(Instant.now().minusSeconds(120))).build();
        assertUnauthorized(Http.withBearer(server.uri("/users/me"), TestTokens.es256(serverKey, claims)));
    }

    @Test
    void tamperedTokenIs401() throws Exception {
        long id = Users.insert(server, "google", "tamper-subject", "t@example.com");
        long other = Users.insert(server, "google", "tamper-victim", "victim@example.com");
        String[] parts = TestTokens.es256(serverKey, TestTokens.claims(id).build()).split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                TestTokens.claims(other).build().toString().getBytes(StandardCharsets.UTF_8));
        assertUnauthorized(Http.withBearer(server.uri("/users/me"), parts[0] + "." + forgedPayload + "." + parts[2]));
    }

    @Test
    void tokenSignedByAnotherKeyIs401() throws Exception {
        long id = Users.insert(server, "google", "foreign-key-subject", "f@example.com");
        assertUnauthorized(Http.withBearer(server.uri("/users/me"),
                TestTokens.es256(TestTokens.randomEcKey(), TestTokens.claims(id).build())));
    }

    @Test
    void tokenSignedByAnotherKeyWithTheServersKidIs401() throws Exception {
        long id = Users.insert(server, "google", "foreign-kid-subject", "f2@example.com");
        ECKey impostor = new ECKey.Builder(TestTokens.randomEcKey()).keyID(serverKey.getKeyID()).build();
        assertUnauthorized(Http.withBearer(server.uri("/users/me"), TestTokens.es256(impostor, TestTokens.claims(id).build())));
    }

    @Test
    void unsignedAlgNoneTokenIs401() throws Exception {
        long id = Users.insert(server, "google", "none-subject", "n@example.com");
        assertUnauthorized(Http.withBearer(server.uri("/users/me"), TestTokens.unsigned(TestTokens.claims(id).build())));
    }

    @Test
    void hs256TokenIs401() throws Exception {
        long id = Users.insert(server, "google", "hs256-subject", "h@example.com");
        byte[] secret = RunningServer.sharedSecret().getBytes(StandardCharsets.UTF_8);
        assertUnauthorized(Http.withBearer(server.uri("/users/me"),
                TestTokens.hs256(pad(secret), serverKey.getKeyID(), TestTokens.claims(id).build())));
    }

    @Test
    void hs256KeyedWithThePublishedPublicKeyIs401() throws Exception {
        long id = Users.insert(server, "google", "hs256-public-subject", "hp@example.com");
        String jwks = Http.get(server.uri("/.well-known/jwks.json")).body();
        byte[] publicKey = serverKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        for (byte[] hmacKey : new byte[][] {jwks.getBytes(StandardCharsets.UTF_8), publicKey,
                serverKey.toECPublicKey().getEncoded()}) {
            assertUnauthorized(Http.withBearer(server.uri("/users/me"),
                    TestTokens.hs256(pad(hmacKey), serverKey.getKeyID(), TestTokens.claims(id).build())));
        }
    }

    @Test
    void tokenFromAnotherIssuerIs401() throws Exception {
        long id = Users.insert(server, "google", "issuer-subject", "i@example.com");
        JWTClaimsSet claims = TestTokens.claims(id).issuer("someone-else").build();
        assertUnauthorized(Http.withBearer(server.uri("/users/me"), TestTokens.es256(serverKey, claims)));
    }

    @Test
    void tokenOfADeletedUserIs401AtOnce() throws Exception {
        long id = Users.insert(server, "google", "deleted-" + UUID.randomUUID(), "gone@example.com");
        String token = TestTokens.es256(serverKey, TestTokens.claims(id).build());
        assertThat(Http.withBearer(server.uri("/users/me"), token).statusCode()).isEqualTo(200);
        Users.delete(server, id);
        assertUnauthorized(Http.withBearer(server.uri("/users/me"), token));
    }

    @Test
    void tokenInTheQueryStringIsNotAccepted() throws Exception {
        long id = Users.insert(server, "google", "query-subject", "q@example.com");
        String token = TestTokens.es256(serverKey, TestTokens.claims(id).build());
        assertUnauthorized(Http.get(server.uri("/users/me?access_token=" + token)));
    }

    @Test
    void rejectedTokensAreNotLogged() throws Exception {
        String token = TestTokens.es256(TestTokens.randomEcKey(), TestTokens.claims(424242).build());
        assertUnauthorized(Http.withBearer(server.uri("/users/me"), token));
        assertThat(server.log()).doesNotContain(token).doesNotContain(token.split("\\.")[1]);
    }

    @Test
    void spellingsOfTheUsersPathNeverReachAUserWithoutAToken() {
        for (String path : new String[] {"/users/me/", "/./users/me", "//users/me", "/%75sers/me", "/users/./me",
                "/x/../users/me", "/users;a=b/me", "/USERS/me"}) {
            var response = Http.get(server.uri(path));
            assertThat(response.statusCode()).as(path).isIn(401, 404);
            assertThat(response.body()).as(path).startsWith("{\"detail\":");
        }
    }

    @Test
    void jwksPublishesThePublicSigningKeyOnly() {
        var response = Http.get(server.uri("/.well-known/jwks.json"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"kid\":\"" + serverKey.getKeyID() + "\"")
                .contains("\"alg\":\"ES256\"").doesNotContain("\"d\"");
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.body()).startsWith("{\"detail\":\"").endsWith("\"}");
    }

    /** HS256 keys must be at least 256 bits for Nimbus to sign; an attacker would pad the same way. */
    private static byte[] pad(byte[] key) {
        return key.length >= 32 ? key : java.util.Arrays.copyOf(key, 32);
    }
}
