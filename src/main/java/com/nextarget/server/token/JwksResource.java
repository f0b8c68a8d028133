package com.nextarget.server.token;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(".well-known/jwks.json")
@Tag(name = "tokens")
public class JwksResource {

    @Inject
    SigningKeys keys;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getJwks", summary = "Public keys that verify access tokens (JWK Set, RFC 7517)")
    @APIResponse(responseCode = "200", description = "The JWK Set: the current key first, then rotated-out keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JwkSet")))
    public String jwks() {
        return keys.published().toString();
    }
}
