package com.nextarget.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.RunningServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The native SDK endpoints in /openapi, with every status the contract gives them. */
class SdkOpenApiIT {

    private final RunningServer server = RunningServer.shared();

    @Test
    void sdkEndpointsAreDocumentedWithTheirStatuses() {
        var response = Http.get(server.uri("/openapi"), "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject paths = Http.json(response.body()).getJsonObject("paths");
        assertThat(paths.getJsonObject("/auth/nonce").getJsonObject("post").getJsonObject("responses").keySet())
                .contains("200");
        for (String path : new String[] {"/auth/google/token", "/auth/facebook/token"}) {
            JsonObject post = paths.getJsonObject(path).getJsonObject("post");
            assertThat(post.getJsonObject("responses").keySet()).as(path)
                    .contains("200", "400", "401", "502", "503", "504");
            assertThat(post.getJsonObject("requestBody").getJsonObject("content").keySet()).as(path)
                    .contains("application/json");
        }
    }
}
