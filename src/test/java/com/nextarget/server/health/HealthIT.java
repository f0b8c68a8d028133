package com.nextarget.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.RunningServer;
import org.junit.jupiter.api.Test;

class HealthIT {

    private final RunningServer server = RunningServer.shared();

    @Test
    void healthAnswersExactlyStatusOk() {
        var response = Http.get(server.uri("/health"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void healthIgnoresAStaleBearerToken() {
        var response = Http.withBearer(server.uri("/health"), "not-a-valid-token");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void healthSubpathsAreNotPayarasHealthEndpoint() {
        var response = Http.get(server.uri("/health/ready"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Not found\"}");
    }

    @Test
    void startupLineNamesUrlDocsDatabaseAndProviders() {
        assertThat(server.log()).containsPattern(
                "NexTarget server listening on http://0\\.0\\.0\\.0:" + server.port()
                        + " \\| docs http://localhost:" + server.port() + "/docs \\| database jdbc:sqlite:data/nextarget\\.db"
                        + " \\| Google configured \\| Facebook configured");
    }
}
