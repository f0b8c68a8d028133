package com.nextarget.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.RunningServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A server started with no configuration at all, as the README's run command does on a fresh machine. */
class UnconfiguredServerIT {

    @Test
    void startsWithoutConfigurationKeepsAGeneratedKeyAndReportsProvidersAsNotConfigured() throws Exception {
        String name = "unconfigured-" + UUID.randomUUID();
        String firstKeys;
        try (RunningServer server = RunningServer.start(name, Map.of())) {
            assertThat(Http.get(server.uri("/health")).body()).isEqualTo("{\"status\":\"ok\"}");
            for (String path : new String[] {"/auth/google/start", "/auth/google/callback?state=s&code=c",
                    "/auth/facebook/start", "/auth/facebook/callback?state=s&code=c"}) {
                var response = Http.get(server.uri(path));
                assertThat(response.statusCode()).as(path).isEqualTo(503);
                assertThat(response.body()).as(path).matches("\\{\"detail\":\"(Google|Facebook) sign-in is not configured\"}");
            }
            for (String provider : new String[] {"google", "facebook"}) {
                var response = Http.post(server.uri("/auth/" + provider + "/token"), "application/json",
                        "{\"id_token\":\"x\"}");
                assertThat(response.statusCode()).as(provider).isEqualTo(503);
                assertThat(response.body()).as(provider).matches("\\{\"detail\":\"(Google|Facebook) sign-in is not configured\"}");
            }
            for (String path : new String[] {"/auth/facebook/data-deletion", "/auth/facebook/deauthorize"}) {
                var response = Http.post(server.uri(path), "application/x-www-form-urlencoded", "signed_request=a.b");
                assertThat(response.statusCode()).as(path).isEqualTo(503);
                assertThat(response.body()).as(path).isEqualTo("{\"detail\":\"Facebook sign-in is not configured\"}");
            }
            assertThat(server.log()).contains("JWT_SECRET_KEY is not set")
                    .contains("Google not configured | Facebook not configured");
            firstKeys = Http.get(server.uri("/.well-known/jwks.json")).body();
        }
        Path keyFile = Path.of("target", "it-servers", name, "data", "jwt-signing-key.pem");
        assertThat(Files.getPosixFilePermissions(keyFile))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        try (RunningServer restarted = RunningServer.start(name, Map.of())) {
            assertThat(Http.get(restarted.uri("/.well-known/jwks.json")).body()).isEqualTo(firstKeys);
        }
    }
}
