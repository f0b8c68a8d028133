package com.nextarget.server.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.RunningServer;
import com.nextarget.server.testing.TestTokens;
import com.nextarget.server.testing.Users;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ErrorsIT {

    private final RunningServer server = RunningServer.shared();

    @Test
    void unknownPathIsAJson404() {
        var response = Http.get(server.uri("/no/such/path"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Not found\"}");
        assertJsonWithoutServerName(response);
    }

    @Test
    void wrongMethodIsAJson405() {
        var response = Http.send(HttpRequest.newBuilder(server.uri("/health"))
                .DELETE().build());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Method not allowed\"}");
        assertJsonWithoutServerName(response);
    }

    @Test
    void postToTheOpenApiDocumentIsAJson405() {
        var response = Http.send(HttpRequest.newBuilder(server.uri("/openapi"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).startsWith("{\"detail\":");
        assertJsonWithoutServerName(response);
    }

    @Test
    void aFailureNobodyCaughtIsAJson500WithoutDetails() throws Exception {
        long userId = Users.insert(server, "google", "error-500-subject", "err@example.com");
        String token = TestTokens.es256(TestTokens.keyFor(RunningServer.sharedSecret()), TestTokens.claims(userId).build());
        HttpResponse<String> response;
        int logBefore = server.log().length();
        // the table disappears under the running server: its query fails with an SQL error nobody handles
        try (var db = server.database(); var statement = db.createStatement()) {
            statement.execute("ALTER TABLE users RENAME TO users_away");
            try {
                response = Http.withBearer(server.uri("/users/me"), token);
            } finally {
                statement.execute("ALTER TABLE users_away RENAME TO users");
            }
        }
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Internal server error\"}");
        assertJsonWithoutServerName(response);
        String logOfThisRequest = server.log().substring(logBefore);
        assertThat(logOfThisRequest).contains("Unexpected error").doesNotContain(token).doesNotContain("users_away")
                .doesNotContain("\tat ").doesNotContain("SELECT");
    }

    @Test
    void payarasOwnEndpointsAreNotExposed() {
        for (String path : new String[] {"/metrics/base", "/metrics/vendor", "/health/live", "/admin", "/asadmin", "/openapi/ui"}) {
            var response = Http.get(server.uri(path));
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).startsWith("{\"detail\":");
        }
    }

    @Test
    void noResponseNamesTheServerSoftware() {
        for (String path : new String[] {"/health", "/docs", "/openapi", "/nope", "/users/me"}) {
            assertJsonWithoutServerName(Http.get(server.uri(path)));
        }
    }

    private static void assertJsonWithoutServerName(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Server")).isEmpty();
        assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
        assertThat(response.headers().map().toString().toLowerCase()).doesNotContain("payara").doesNotContain("glassfish");
        assertThat(response.body().toLowerCase()).doesNotContain("payara").doesNotContain("glassfish")
                .doesNotContain("exception").doesNotContain("jersey");
    }
}
