package com.nextarget.server.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.AppSignIn;
import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.RunningServer;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sessions on servers of their own: a short refresh lifetime, and a restart. */
class SessionLifetimesIT {

    @Test
    void aRefreshTokenUnusedForItsLifetimeIsInvalidGrant() throws InterruptedException {
        try (RunningServer server = RunningServer.start("short-refresh-" + UUID.randomUUID(),
                RunningServer.withProviders(Map.of("REFRESH_TOKEN_EXPIRE_MINUTES", "0.05",
                        "JWT_SECRET_KEY", "short-" + UUID.randomUUID())))) {
            JsonObject tokens = Http.json(Logins.login(new Browser(), server, "google").body());
            // used within its 3 s, a refresh token rotates; its successor gets 3 s of its own
            JsonObject next = Http.json(AppSignIn.refresh(server, tokens.getString("refresh_token")).body());
            Thread.sleep(4_000);
            var expired = AppSignIn.refresh(server, next.getString("refresh_token"));
            assertThat(expired.statusCode()).isEqualTo(400);
            assertThat(Http.json(expired.body()).getString("error")).isEqualTo("invalid_grant");
        }
    }

    @Test
    void aRestartLosesNoSession() {
        String name = "session-restart-" + UUID.randomUUID();
        Map<String, String> settings = RunningServer.withProviders(Map.of("JWT_SECRET_KEY", "restart-" + UUID.randomUUID()));
        JsonObject tokens;
        try (RunningServer first = RunningServer.start(name, settings)) {
            tokens = Http.json(Logins.login(new Browser(), first, "facebook").body());
        }
        try (RunningServer restarted = RunningServer.start(name, settings)) {
            assertThat(Http.withBearer(restarted.uri("/users/me"), tokens.getString("access_token")).statusCode())
                    .isEqualTo(200);
            var refreshed = AppSignIn.refresh(restarted, tokens.getString("refresh_token"));
            assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        }
    }
}
