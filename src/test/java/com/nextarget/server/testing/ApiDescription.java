package com.nextarget.server.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A server's own /openapi, read once per server, and the check that every response a test receives from that server
 * is one the document describes: a documented status, its headers, its content type and a body that matches its
 * schema (no member the schema does not list, every required one present). {@link Browser} runs it on every
 * response from a server this test run started; responses from anything else (the fake providers) are not checked.
 */
public final class ApiDescription {

    /** The validator's keys for a request the document has no operation for. */
    private static final Set<String> NO_OPERATION = Set.of(
            "validation.request.path.missing", "validation.request.operation.notAllowed");
    /**
     * Served on purpose without an operation in the document: the document itself, and the Swagger UI assets behind
     * /docs (an operation each would only clutter every generated client).
     */
    private static final Pattern UNDESCRIBED = Pattern.compile("/openapi|/docs/[^/]+");
    /**
     * Methods outside the API: OPTIONS answers CORS preflights and lists what is allowed; HEAD is GET without a
     * body, which the document describes as GET.
     */
    private static final Set<String> PROTOCOL_METHODS = Set.of("OPTIONS", "HEAD");
    private static final Map<URI, ApiDescription> BY_SERVER = new ConcurrentHashMap<>();
    private static final AtomicLong CHECKED = new AtomicLong();

    private final OpenAPI document;
    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemas;
    private final List<Pattern> templates;

    private ApiDescription(OpenAPI document) {
        this.document = document;
        this.templates = document.getPaths().keySet().stream().map(ApiDescription::pattern).toList();
        this.validator = OpenApiInteractionValidator.createFor(document).build();
        this.schemas = new SchemaValidator(document, new MessageResolver());
    }

    /** The /openapi document of the server at this origin, read once. */
    public static ApiDescription of(URI origin) {
        return BY_SERVER.computeIfAbsent(origin.resolve("/"), ApiDescription::read);
    }

    /** Parses an OpenAPI document in YAML or JSON; the parser's complaints, if any, in {@code messages}. */
    public static SwaggerParseResult parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(text, null, options);
    }

    /** How many responses were checked so far in this test run. */
    public static long checkedSoFar() {
        return CHECKED.get();
    }

    public OpenAPI document() {
        return document;
    }

    /** Fails with every difference between the response and the document, or returns quietly. */
    public void check(String method, HttpResponse<String> response) {
        if (PROTOCOL_METHODS.contains(method)) {
            return;
        }
        CHECKED.incrementAndGet();
        String path = response.request().uri().getRawPath();
        ValidationReport report = described(path)
                ? validator.validateResponse(path, Request.Method.valueOf(method), simple(response))
                : checkUndescribed(path, response);
        if (report.getMessages().stream().anyMatch(message -> NO_OPERATION.contains(message.getKey()))) {
            report = checkUndescribed(path, response);
        }
        if (report.hasErrors()) {
            throw new AssertionError("the response to " + method + " " + path + " is not what /openapi describes:\n"
                    + report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                            .map(m -> "  " + m.getKey() + ": " + m.getMessage())
                            .collect(Collectors.joining("\n"))
                    + "\nstatus " + response.statusCode() + ", body: " + response.body());
        }
    }

    /**
     * Whether the path is one of the document's, spelled exactly. The validator alone would also match
     * {@code //users/me}, {@code /USERS/me} or {@code /users/me/} to {@code /users/me}, which the server rightly
     * does not: such spellings are requests the document has no operation for.
     */
    private boolean described(String path) {
        return templates.stream().anyMatch(template -> template.matcher(path).matches());
    }

    /** A request the document has no operation for (unknown path, method not allowed) gets the contract's error. */
    private ValidationReport checkUndescribed(String path, HttpResponse<String> response) {
        boolean error = response.statusCode() >= 400;
        if (!error && UNDESCRIBED.matcher(path).matches()) {
            return ValidationReport.empty();
        }
        if (!error) {
            return ValidationReport.singleton(ValidationReport.Message.create("undescribed.success",
                    "status " + response.statusCode() + " for a path or method that /openapi does not list").build());
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/json")) {
            return ValidationReport.singleton(ValidationReport.Message.create("undescribed.contentType",
                    "an error answered with Content-Type '" + type + "' instead of application/json").build());
        }
        return schemas.validate(response.body(), document.getComponents().getSchemas().get("Error"),
                "validation.response.body");
    }

    /** {@code /a/{b}/c} as a pattern: {@code {b}} is one segment of unreserved characters, the rest literal. */
    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("\\{[^}]*}", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[A-Za-z0-9._~-]+");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static SimpleResponse simple(HttpResponse<String> response) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                builder.withHeader(name, values);
            }
        });
        if (!response.body().isEmpty()) {
            builder.withBody(response.body());
        }
        return builder.build();
    }

    private static ApiDescription read(URI origin) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(origin.resolve("/openapi"))
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /openapi answered " + response.statusCode() + ": " + response.body());
            }
            SwaggerParseResult parsed = parse(response.body());
            if (parsed.getOpenAPI() == null) {
                throw new AssertionError("/openapi is not an OpenAPI document: " + parsed.getMessages());
            }
            return new ApiDescription(parsed.getOpenAPI());
        } catch (IOException e) {
            throw new AssertionError("could not read /openapi of " + origin, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
