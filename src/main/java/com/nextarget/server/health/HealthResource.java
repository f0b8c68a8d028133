package com.nextarget.server.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Liveness for the platform: answered by the application itself, so only a deployed application says "ok". */
@Path("health")
@Tag(name = "health")
public class HealthResource {

    private static final String OK = "{\"status\":\"ok\"}";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getHealth", summary = "Health check", description = "Answers once the application is deployed and ready.")
    @APIResponse(responseCode = "200", description = "The server is up: {\"status\":\"ok\"}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Health")))
    public String health() {
        return OK;
    }
}
