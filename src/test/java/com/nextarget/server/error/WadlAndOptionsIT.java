package com.nextarget.server.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** No answer describes the framework (Jersey's WADL), OPTIONS is plain, and every answer says nosniff. */
class WadlAndOptionsIT {

    private final RunningServer server = RunningServer.shared();

    @Test
    void jerseysWadlIsNotServed() {
        for (String path : new String[] {"/application.wadl", "/application.wadl?detail=true", "/openapi/application.wadl"}) {
            var response = Http.get(server.uri(path));
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).isEqualTo("{\"detail\":\"Not found\"}");
        }
    }

    @Test
    void optionsIsA204WithTheAllowedMethods() {
        var response = options("/health");
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow ->
                assertThat(allow).contains("GET").contains("OPTIONS").doesNotContain("TRACE"));
        assertThat(response.body()).isEmpty();
    }

    @Test
    void noOptionsAnswerNamesTheFramework() {
        for (String path : new String[] {"/health", "/users/me", "/openapi", "/docs", "/auth/google/start"}) {
            var response = options(path);
            assertThat(response.statusCode()).as(path).isIn(200, 204);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).doesNotContain("wadl");
            assertThat(response.body().toLowerCase()).as(path).doesNotContain("jersey").doesNotContain("wadl")
                    .doesNotContain("payara");
        }
    }

    @Test
    void corsPreflightIsStillAnsweredForAnAllowedOrigin() {
        var response = Http.send(HttpRequest.newBuilder(server.uri("/users/me"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", RunningServer.CORS_ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .build());
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(RunningServer.CORS_ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(allowed ->
                assertThat(allowed).containsIgnoringCase("Authorization"));
    }

    @Test
    void everyHtmlAndJsonAnswerSaysNosniff() {
        for (String path : new String[] {"/docs", "/health", "/openapi", "/users/me", "/nope", "/.well-known/jwks.json"}) {
            var response = Http.get(server.uri(path));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
        var withBadToken = Http.withBearer(server.uri("/users/me"), "not-a-token");
        assertThat(withBadToken.statusCode()).isEqualTo(401);
        assertThat(withBadToken.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    private HttpResponse<String> options(String path) {
        return Http.send(HttpRequest.newBuilder(server.uri(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    }
}
