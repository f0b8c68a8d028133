package com.nextarget.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.RunningServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class DocsIT {

    private final RunningServer server = RunningServer.shared();

    @Test
    void docsIsASwaggerUiPageForTheOpenApiDocument() {
        var response = Http.get(server.uri("/docs"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("SwaggerUIBundle").contains("url: \"/openapi\"");
    }

    @Test
    void docsAssetsComeFromTheServerItself() {
        var page = Http.get(server.uri("/docs")).body();
        assertThat(page).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn");
        for (String asset : new String[] {"/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css",
                "/docs/swagger-ui-standalone-preset.js"}) {
            var response = Http.get(server.uri(asset));
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.body()).as(asset).hasSizeGreaterThan(1000);
        }
    }

    @Test
    void unknownDocsAssetIsAJson404() {
        var response = Http.get(server.uri("/docs/pom.xml"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).startsWith("{\"detail\":");
    }

    @Test
    void docsPathWithAnEncodedSlashIsAJson400() {
        var response = Http.get(server.uri("/docs/..%2Fpom.xml"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Bad request\"}");
    }

    @Test
    void openApiDocumentListsEveryEndpointOfTheContract() {
        JsonObject document = openApi();
        assertThat(document.getString("openapi")).startsWith("3.");
        assertThat(document.getJsonObject("info").getString("title")).isEqualTo("NexTarget server");
        assertThat(document.getJsonObject("paths").keySet()).contains("/health", "/auth/google/start",
                "/auth/google/callback", "/auth/facebook/start", "/auth/facebook/callback", "/users/me",
                "/.well-known/jwks.json", "/docs");
    }

    @Test
    void openApiDocumentDeclaresTheBearerSchemeOnUsersMe() {
        JsonObject document = openApi();
        JsonObject scheme = document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("bearer");
        assertThat(scheme.getString("type")).isEqualTo("http");
        assertThat(scheme.getString("scheme")).isEqualTo("bearer");
        JsonObject me = document.getJsonObject("paths").getJsonObject("/users/me").getJsonObject("get");
        assertThat(me.getJsonArray("security").getJsonObject(0).keySet()).containsExactly("bearer");
        assertThat(me.getJsonObject("responses").keySet()).contains("200", "401");
    }

    @Test
    void openApiDocumentListsTheLoginFailures() {
        JsonObject callback = openApi().getJsonObject("paths").getJsonObject("/auth/google/callback").getJsonObject("get");
        assertThat(callback.getJsonObject("responses").keySet()).contains("200", "400", "401", "502", "503", "504");
    }

    private JsonObject openApi() {
        var response = Http.get(server.uri("/openapi"), "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
