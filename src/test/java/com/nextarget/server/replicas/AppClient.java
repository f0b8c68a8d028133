package com.nextarget.server.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.Origin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What a phone app does (RFC 8252 with PKCE, RFC 7636), as AppAuth would: opens {@code start} with its redirect URI
 * and a code challenge, receives a one-time code on that redirect URI, redeems it at {@code POST /auth/token}.
 */
final class AppClient {

    static final String REDIRECT_URI = "com.nextarget.app:/oauth2redirect";
    private static final SecureRandom RANDOM = new SecureRandom();

    final String verifier;
    final String state;

    AppClient() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        RANDOM.nextBytes(bytes);
        state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The authorization request an app sends to {@code /auth/{provider}/start}. */
    String startPath(String provider) {
        return "/auth/" + provider + "/start?response_type=code&redirect_uri=" + encode(REDIRECT_URI)
                + "&code_challenge=" + challenge() + "&code_challenge_method=S256&state=" + state;
    }

    /** The token request that redeems a one-time code. */
    static HttpResponse<String> redeem(Origin server, String code, String verifier) {
        return postForm(server.uri("/auth/token"), "grant_type", "authorization_code", "code", code,
                "code_verifier", verifier, "redirect_uri", REDIRECT_URI);
    }

    static HttpResponse<String> refresh(Origin server, String refreshToken) {
        return postForm(server.uri("/auth/token"), "grant_type", "refresh_token", "refresh_token", refreshToken);
    }

    static HttpResponse<String> logout(Origin server, String accessToken) {
        return Http.send(HttpRequest.newBuilder(server.uri("/auth/logout"))
                .header("Authorization", "Bearer " + accessToken)
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build());
    }

    static HttpResponse<String> postForm(URI uri, String... namesAndValues) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            pairs.add(encode(namesAndValues[i]) + "=" + encode(namesAndValues[i + 1]));
        }
        return Http.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)))
                .timeout(Duration.ofSeconds(30)).build());
    }

    /** The one-time code from the callback's redirect to the app, after checking that it is that redirect. */
    String codeFrom(HttpResponse<String> callback) {
        assertThat(callback.statusCode()).as("callback: %s", callback.body()).isEqualTo(302);
        URI location = Browser.location(callback);
        assertThat(location.toString()).startsWith(REDIRECT_URI + "?");
        assertThat(Browser.query(location)).containsEntry("state", state).containsKey("code");
        return Browser.query(location).get("code");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
