package com.nextarget.server.docs;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The last step of /openapi (mp.openapi.filter): the rules that hold for every operation, so that no annotation
 * has to repeat them. Every operation may answer 500, every {@code /auth/*} operation 429 with {@code Retry-After};
 * every error response without a body of its own is {@code {"detail"}} (the contract's one error shape); every 401
 * carries {@code WWW-Authenticate}.
 */
public class ApiDescriptionFilter implements OASFilter {

    static final String ERROR = "#/components/schemas/Error";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
                // the rate limit of ratelimit.RateLimiter: every /auth/* request may be told to wait
                if (path.startsWith("/auth/")) {
                    rateLimited(operation);
                }
                completeResponses(operation);
            }));
        }
        api.setTags(distinct(api.getTags()));
        dropPayaraEndpoints(api);
    }

    /** Payara copies the defaults of {@code @Schema} into the model as if set; {@code maxProperties: 0} forbids any. */
    @Override
    public Schema filterSchema(Schema schema) {
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        return schema;
    }

    private static void completeResponses(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        if (!operation.getResponses().hasAPIResponse("500")) {
            operation.getResponses().addAPIResponse("500",
                    OASFactory.createAPIResponse().description("Unexpected server error (nothing is revealed)"));
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (isError(status)) {
                if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
                    response.setContent(errorContent());
                }
                if (status.equals("401")) {
                    challenge(response);
                }
            }
        });
    }

    private static void rateLimited(Operation operation) {
        if (operation.getResponses() != null && !operation.getResponses().hasAPIResponse("429")) {
            operation.getResponses().addAPIResponse("429", OASFactory.createAPIResponse()
                    .description("Too many requests from this client this minute (RATE_LIMIT_PER_MINUTE)")
                    .addHeader("Retry-After", OASFactory.createHeader()
                            .description("Seconds until the next minute")
                            .required(true)
                            .schema(OASFactory.createSchema().type(Schema.SchemaType.INTEGER))));
        }
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static Content errorContent() {
        Schema error = OASFactory.createSchema().ref(ERROR);
        MediaType json = OASFactory.createMediaType().schema(error);
        return OASFactory.createContent().addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON, json);
    }

    private static void challenge(APIResponse response) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey("WWW-Authenticate")) {
            Header header = OASFactory.createHeader()
                    .description("Bearer (RFC 6750 3)")
                    .required(true)
                    .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING));
            response.addHeader("WWW-Authenticate", header);
        }
    }

    /** Payara lists a tag once per annotation that names it; OpenAPI requires tag names to be unique. */
    private static List<Tag> distinct(List<Tag> tags) {
        Map<String, Tag> byName = new LinkedHashMap<>();
        if (tags != null) {
            for (Tag tag : tags) {
                Tag known = byName.get(tag.getName());
                if (known == null || (known.getDescription() == null && tag.getDescription() != null)) {
                    byName.put(tag.getName(), tag);
                }
            }
        }
        return new ArrayList<>(byName.values());
    }

    /**
     * Payara adds a top-level {@code endpoints} member that OpenAPI 3 does not define (generators choke on it); the
     * model API cannot reach it, so it is emptied by name, and an empty member is not written. Payara-specific: on
     * another server the method does not exist and this does nothing.
     */
    private static void dropPayaraEndpoints(OpenAPI api) {
        try {
            Object endpoints = api.getClass().getMethod("getEndpoints").invoke(api);
            if (endpoints instanceof Map<?, ?> map) {
                map.clear();
            }
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException
                 | UnsupportedOperationException e) {
            // not Payara's model, or one that keeps no such member
        }
    }
}
