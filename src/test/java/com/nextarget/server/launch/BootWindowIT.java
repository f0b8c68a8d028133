package com.nextarget.server.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.RunningServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A platform forwards the first request once the port opens: from the first millisecond of a start, every attempt
 * is either refused (the port is still closed) or answered by the application, in JSON.
 */
class BootWindowIT {

    private static final List<String> PATHS = List.of("/health", "/users/me", "/auth/google/start", "/no-such-path");

    @Test
    void fromTheFirstMillisecondEveryAnswerIsTheApplicationsJsonOrARefusedConnection() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String> unexpected = new ArrayList<>();
        int refused = 0;
        int healthy = 0;
        try (RunningServer server = RunningServer.launch("boot-window",
                Map.of("JWT_SECRET_KEY", "boot-window-" + UUID.randomUUID()))) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            // a few rounds after the first 200, to see the answers of a freshly opened port too
            for (int round = 0; healthy < 5 && Instant.now().isBefore(deadline); round++) {
                assertThat(server.isRunning()).as("server exited; log:\n%s", server.logOfThisStart()).isTrue();
                String path = PATHS.get(round % PATHS.size());
                try {
                    HttpResponse<String> response = client.send(
                            HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (!isApplicationJson(response)) {
                        unexpected.add(path + " -> " + response.statusCode() + " "
                                + response.headers().firstValue("Content-Type").orElse("(no type)") + " "
                                + response.body());
                    }
                    if (path.equals("/health") && response.statusCode() == 200) {
                        healthy++;
                    }
                } catch (ConnectException e) {
                    refused++;
                } catch (IOException e) {
                    unexpected.add(path + " -> " + e);
                }
            }
        }
        assertThat(unexpected).isEmpty();
        assertThat(healthy).as("the server became healthy").isEqualTo(5);
        assertThat(refused).as("connections refused while the application deployed").isPositive();
    }

    private static boolean isApplicationJson(HttpResponse<String> response) {
        boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        // a redirect to the provider is the application's answer to /auth/google/start (no provider configured: 503)
        return response.statusCode() == 302 || json && response.body().startsWith("{\"");
    }
}
