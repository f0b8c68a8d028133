package com.nextarget.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeGoogleTest {

    private static final String CALLBACK = "http://127.0.0.1:9/auth/google/callback";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final FakeGoogle google = FakeGoogle.start("client-1", "secret-1");

    @AfterEach
    void stop() {
        google.close();
    }

    @Test
    void discoveryPointsAtEndpointsUnderTheIssuer() throws Exception {
        JsonObject discovery = json(get(google.issuer() + "/.well-known/openid-configuration").body());
        assertThat(discovery.getString("issuer")).isEqualTo(google.issuer());
        assertThat(discovery.getString("token_endpoint")).isEqualTo(google.issuer() + "/token");
        assertThat(discovery.getString("jwks_uri")).isEqualTo(google.issuer() + "/jwks");
        assertThat(google.discoveryRequests()).isEqualTo(1);
    }

    @Test
    void idTokenCarriesTheNonceAndVerifiesAgainstThePublishedKey() throws Exception {
        google.enqueue(FakeGoogle.Login.as("sub-42").email("ada@example.com"));
        JsonObject tokens = json(exchange(authorize("n-1").get("code"), "secret-1").body());
        SignedJWT idToken = SignedJWT.parse(tokens.getString("id_token"));
        RSAKey published = JWKSet.parse(get(google.issuer() + "/jwks").body()).getKeyByKeyId(
                idToken.getHeader().getKeyID()).toRSAKey();
        assertThat(idToken.verify(new RSASSAVerifier(published))).isTrue();
        assertThat(idToken.getJWTClaimsSet().getClaims()).containsEntry("iss", google.issuer())
                .containsEntry("sub", "sub-42").containsEntry("nonce", "n-1").containsEntry("email", "ada@example.com");
        assertThat(idToken.getPayload().toJSONObject()).containsEntry("aud", "client-1");
        assertThat(google.lastAuthorizeQuery()).containsEntry("state", "s-1").containsEntry("scope", "openid email");
    }

    @Test
    void codeCanBeExchangedOnlyOnce() throws Exception {
        String code = authorize("n-2").get("code");
        assertThat(exchange(code, "secret-1").statusCode()).isEqualTo(200);
        HttpResponse<String> replay = exchange(code, "secret-1");
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).isEqualTo("{\"error\":\"invalid_grant\"}");
    }

    @Test
    void wrongClientSecretIsAnInvalidClient() throws Exception {
        HttpResponse<String> response = exchange(authorize("n-3").get("code"), "not-the-secret");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_client\"}");
    }

    @Test
    void refusedConsentComesBackAsAccessDenied() throws Exception {
        google.enqueue(FakeGoogle.Login.as("refuser").deny());
        assertThat(authorize("n-4")).containsEntry("error", "access_denied").containsEntry("state", "s-1")
                .doesNotContainKey("code");
    }

    @Test
    void tokenSignedBeforeRotationNoLongerMatchesThePublishedKey() throws Exception {
        String before = json(exchange(authorize("n-5").get("code"), "secret-1").body()).getString("id_token");
        google.rotateKey();
        JWKSet published = JWKSet.parse(get(google.issuer() + "/jwks").body());
        assertThat(published.getKeys()).hasSize(1);
        assertThat(published.getKeyByKeyId(SignedJWT.parse(before).getHeader().getKeyID())).isNull();
    }

    @Test
    void droppedConnectionAtTokenGivesTheClientNoResponse() throws Exception {
        google.enqueue(FakeGoogle.Login.as("dropped").closeConnectionAtToken());
        String code = authorize("n-6").get("code");
        assertThatThrownBy(() -> exchange(code, "secret-1")).isInstanceOf(IOException.class);
    }

    private Map<String, String> authorize(String nonce) throws Exception {
        HttpResponse<String> response = get(google.issuer() + "/authorize?response_type=code&client_id=client-1"
                + "&scope=openid%20email&state=s-1&nonce=" + nonce + "&redirect_uri="
                + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(CALLBACK + "?");
        return LoopbackServer.query(location.getRawQuery());
    }

    /** client_secret_basic; the server under test uses client_secret_post, which the fake accepts as well. */
    private HttpResponse<String> exchange(String code, String secret) throws Exception {
        String form = Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK)
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String basic = Base64.getEncoder().encodeToString(("client-1:" + secret).getBytes(StandardCharsets.UTF_8));
        return CLIENT.send(HttpRequest.newBuilder(URI.create(google.issuer() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
