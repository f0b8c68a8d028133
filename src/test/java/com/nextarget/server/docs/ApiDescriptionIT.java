package com.nextarget.server.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextarget.server.testing.ApiDescription;
import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.RunningServer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.tags.Tag;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** /openapi is a valid OpenAPI 3 document that says what the server sends; generated clients rely on it. */
class ApiDescriptionIT {

    private final RunningServer server = RunningServer.shared();

    @Test
    void documentIsValidOpenApi3ForTheParser() {
        var parsed = ApiDescription.parse(Http.get(server.uri("/openapi"), "Accept", "application/json").body());
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.0.");
        var yaml = ApiDescription.parse(Http.get(server.uri("/openapi")).body());
        assertThat(yaml.getMessages()).isEmpty();
        assertThat(yaml.getOpenAPI()).isEqualTo(parsed.getOpenAPI());
    }

    @Test
    void documentHasOnlyTheMembersOpenApi3Defines() {
        var document = Http.json(Http.get(server.uri("/openapi"), "Accept", "application/json").body());
        assertThat(document.keySet()).allSatisfy(key -> assertThat(key).matches(
                "openapi|info|servers|paths|components|security|tags|externalDocs|x-.*"));
    }

    @Test
    void operationIdsAreUnique() {
        List<String> ids = operations().stream().map(Operation::getOperationId).toList();
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void tagsAreDeclaredOnceAndEveryOperationUsesDeclaredTags() {
        List<String> declared = document().getTags().stream().map(Tag::getName).toList();
        assertThat(declared).doesNotHaveDuplicates();
        assertThat(operations()).allSatisfy(operation -> assertThat(declared).containsAll(operation.getTags()));
    }

    @Test
    void everyErrorResponseHasTheErrorBody() {
        for (Operation operation : operations()) {
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    var schema = response.getContent().get("application/json").getSchema();
                    assertThat(schema.get$ref()).as("%s %s", operation.getOperationId(), status)
                            .isIn("#/components/schemas/Error", "#/components/schemas/OAuthError");
                }
            });
        }
    }

    @Test
    void userAndTokenSchemasUseTheNamesOnTheWire() {
        assertThat(members("User")).containsExactly("id", "email", "provider", "email_verified",
                "email_is_placeholder", "created_at", "last_login_at");
        assertThat(members("TokenResponse")).containsExactly("access_token", "token_type", "expires_in", "refresh_token");
        assertThat(schema("TokenResponse").getRequired()).contains("access_token", "token_type", "expires_in");
        assertThat(schema("Error").getRequired()).containsExactly("detail");
        assertThat(schema("OAuthError").getRequired()).containsExactlyInAnyOrder("error", "detail");
        assertThat(document().getComponents().getSchemas()).doesNotContainKey("UserView");
    }

    @Test
    void aResponseTheDocumentDoesNotDescribeFailsTheTest() {
        ApiDescription description = ApiDescription.of(server.uri("/"));
        String javaNames = "{\"id\":1,\"email\":\"a@example.com\",\"provider\":\"google\",\"emailIsPlaceholder\":false,"
                + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"lastLoginAt\":\"2026-01-01T00:00:00Z\"}";
        assertThatThrownBy(() -> description.check("GET", response("/users/me", 200, javaNames)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("emailIsPlaceholder");
        assertThatThrownBy(() -> description.check("GET", response("/users/me", 418, "{\"detail\":\"teapot\"}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("418");
        assertThatThrownBy(() -> description.check("GET", response("/nope", 404, "{\"detail\":\"x\",\"trace\":\"y\"}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("trace");
        assertThatThrownBy(() -> description.check("GET", response("/nope", 200, "{}")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void everyResponseFromTheServerIsCheckedAndNoneFromTheFakeProviders() {
        long before = ApiDescription.checkedSoFar();
        Http.get(server.uri("/health"));
        assertThat(ApiDescription.checkedSoFar()).isEqualTo(before + 1);
        new Browser().get(RunningServer.google().issuer() + "/.well-known/openid-configuration");
        assertThat(ApiDescription.checkedSoFar()).isEqualTo(before + 1);
        Browser.unchecked().get(server.uri("/health"));
        assertThat(ApiDescription.checkedSoFar()).isEqualTo(before + 1);
    }

    private Schema<?> schema(String name) {
        return document().getComponents().getSchemas().get(name);
    }

    private Set<String> members(String name) {
        return schema(name).getProperties().keySet();
    }

    private OpenAPI document() {
        return ApiDescription.of(server.uri("/")).document();
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document().getPaths().values().forEach(item -> operations.addAll(item.readOperations()));
        assertThat(operations).isNotEmpty();
        return operations;
    }

    private HttpResponse<String> response(String path, int status, String body) {
        HttpRequest request = HttpRequest.newBuilder(server.uri(path)).build();
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (name, value) -> true);
        return new HttpResponse<>() {
            public int statusCode() {
                return status;
            }

            public HttpRequest request() {
                return request;
            }

            public Optional<HttpResponse<String>> previousResponse() {
                return Optional.empty();
            }

            public HttpHeaders headers() {
                return headers;
            }

            public String body() {
                return body;
            }

            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            public URI uri() {
                return request.uri();
            }

            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
