package com.nextarget.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A phone app's sign-in as AppAuth performs it (RFC 8252 + RFC 7636): a PKCE verifier and its S256 challenge, the
 * start in the system browser with the app's redirect URI and state, the provider, the callback's redirect to the
 * app, and the code's redemption at the token endpoint.
 */
public final class AppSignIn {

    /** Registered in the test servers' APP_REDIRECT_URIS (see RunningServer.withProviders). */
    public static final String REDIRECT_URI = "com.nextarget.test:/oauth2redirect";
    public static final String HTTPS_REDIRECT_URI = "https://app.nextarget.test/oauth2/callback?from=app";

    private static final SecureRandom RANDOM = new SecureRandom();

    public final String verifier = randomUrlSafe(48);
    public final String challenge = s256(verifier);
    public final String state = "app-state-" + randomUrlSafe(12);
    public final String redirectUri;
    public final Browser browser = new Browser();

    public AppSignIn() {
        this(REDIRECT_URI);
    }

    public AppSignIn(String redirectUri) {
        this.redirectUri = redirectUri;
    }

    /** The start URL with every parameter an AppAuth client sends. */
    public URI startUri(Origin server, String provider) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", "nextarget-app");
        query.put("redirect_uri", redirectUri);
        query.put("scope", "openid email");
        query.put("state", state);
        query.put("nonce", "app-nonce-" + randomUrlSafe(12));
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
        return server.uri("/auth/" + provider + "/start?" + Http.form(query));
    }

    /** Start → provider → callback: the callback's answer (a redirect to the app, when all went well). */
    public HttpResponse<String> callback(Origin server, String provider) {
        HttpResponse<String> start = browser.get(startUri(server, provider));
        assertThat(start.statusCode()).as("start: %s", start.body()).isEqualTo(302);
        HttpResponse<String> atProvider = browser.get(Browser.location(start));
        assertThat(atProvider.statusCode()).as("provider: %s", atProvider.body()).isIn(302, 303);
        return browser.get(Browser.location(atProvider));
    }

    /** The one-time code the callback's redirect to the app carries. */
    public String code(Origin server, String provider) {
        return codeIn(callback(server, provider));
    }

    /** The one-time code in a callback's redirect to the app, after checking that it is that redirect. */
    public String codeIn(HttpResponse<String> toApp) {
        assertThat(toApp.statusCode()).as("callback: %s", toApp.body()).isEqualTo(302);
        String location = toApp.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirectUri);
        Map<String, String> query = Browser.query(URI.create(location));
        assertThat(query).containsEntry("state", state);
        return query.get("code");
    }

    public HttpResponse<String> redeem(Origin server, String code) {
        return redeem(server, code, verifier, redirectUri);
    }

    public static HttpResponse<String> redeem(Origin server, String code, String verifier, String redirectUri) {
        return Http.postForm(server.uri("/auth/token"), Map.of("grant_type", "authorization_code", "code", code,
                "code_verifier", verifier, "redirect_uri", redirectUri, "client_id", "nextarget-app"));
    }

    public static HttpResponse<String> refresh(Origin server, String refreshToken) {
        return Http.postForm(server.uri("/auth/token"), Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", "nextarget-app"));
    }

    public static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
