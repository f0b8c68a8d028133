package com.nextarget.server.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.RunningServer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One server directory started four times: the signing key follows JWT_SECRET_KEY, not the process. */
class TokenKeysAcrossRestartsIT {

    @Test
    void tokenOutlivesARestartWithTheSameSecretOnlyAndARotatedSecretKeepsItValid() {
        String name = "restarts-" + UUID.randomUUID();
        String secret = "first-secret-" + UUID.randomUUID();
        String token;
        try (RunningServer first = RunningServer.start(name, RunningServer.withProviders(Map.of("JWT_SECRET_KEY", secret)))) {
            token = Logins.accessToken(first, "google");
            assertThat(Http.withBearer(first.uri("/users/me"), token).statusCode()).isEqualTo(200);
        }
        try (RunningServer restarted = RunningServer.start(name, Map.of("JWT_SECRET_KEY", secret))) {
            assertThat(Http.withBearer(restarted.uri("/users/me"), token).statusCode()).isEqualTo(200);
        }
        String next = "second-secret-" + UUID.randomUUID();
        Map<String, String> httpsRedirects = new HashMap<>(RunningServer.withProviders(Map.of("JWT_SECRET_KEY", next)));
        httpsRedirects.put("FACEBOOK_REDIRECT_URI", "https://api.example.com/auth/facebook/callback");
        try (RunningServer otherSecret = RunningServer.start(name, httpsRedirects)) {
            var refused = Http.withBearer(otherSecret.uri("/users/me"), token);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            // an https redirect URI makes the login cookie Secure as well as HttpOnly
            assertThat(Http.get(otherSecret.uri("/auth/facebook/start")).headers().allValues("Set-Cookie"))
                    .isNotEmpty().allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; Secure")
                            .containsIgnoringCase("HttpOnly"));
        }
        try (RunningServer rotated = RunningServer.start(name,
                Map.of("JWT_SECRET_KEY", next, "JWT_PREVIOUS_SECRET_KEYS", secret))) {
            assertThat(Http.withBearer(rotated.uri("/users/me"), token).statusCode()).isEqualTo(200);
            assertThat(Http.json(Http.get(rotated.uri("/.well-known/jwks.json")).body()).getJsonArray("keys")).hasSize(2);
            assertThat(rotated.log()).doesNotContain(secret).doesNotContain(next);
        }
    }
}
