package com.nextarget.server.auth;

import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("auth/nonce")
@Tag(name = "auth")
public class NonceResource {

    @Inject
    SdkNonces nonces;

    /** The body of {@code POST /auth/nonce}. */
    @JsonbPropertyOrder({"nonce", "expiresIn"})
    public record IssuedNonce(String nonce, @JsonbProperty("expires_in") long expiresIn) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueNonce",
            summary = "A nonce for a native SDK sign-in", description = "Pass it to the Google or Facebook SDK "
            + "(as is, or its lowercase hex SHA-256); the id_token the SDK returns must carry it. Good for one "
            + "sign-in within expires_in seconds.")
    @APIResponse(responseCode = "200", description = "A fresh nonce",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Nonce")),
            headers = @Header(name = "Cache-Control", required = true, description = "no-store",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response nonce() {
        return Response.ok(new IssuedNonce(nonces.issue(), SdkNonces.LIFETIME.toSeconds()), MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.valueOf("no-store"))
                .build();
    }
}
