package com.nextarget.server.docs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Swagger UI for {@code /openapi}, its assets served from the Swagger UI webjar inside the WAR (no CDN). */
@Path("docs")
@Tag(name = "docs")
public class DocsResource {

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css",
            "swagger-ui-bundle.js", "text/javascript",
            "swagger-ui-standalone-preset.js", "text/javascript",
            "favicon-32x32.png", "image/png");
    private static final CacheControl ONE_DAY = CacheControl.valueOf("public, max-age=86400");

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "getDocs", summary = "Interactive API documentation (Swagger UI)")
    @APIResponse(responseCode = "200", description = "An HTML page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public String page() {
        return SwaggerUi.PAGE;
    }

    @GET
    @Path("{asset}")
    @Operation(hidden = true)
    public Response asset(@Parameter(hidden = true) @PathParam("asset") String name) {
        String type = ASSETS.get(name);
        InputStream content = type == null ? null : getClass().getClassLoader().getResourceAsStream(WEBJAR + name);
        if (content == null) {
            throw new NotFoundException();
        }
        return Response.ok(content, type).cacheControl(ONE_DAY).build();
    }

    private static String webjarVersion() {
        try (InputStream in = DocsResource.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the Swagger UI webjar is missing from the WAR", e);
        }
    }
}
