package com.nextarget.server.user;

import com.nextarget.server.NexTargetApplication;
import com.nextarget.server.error.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
    AccountDeletion deletion;

    @GET
    @Path("me")
    @RolesAllowed(NexTargetApplication.USER_ROLE)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = NexTargetApplication.BEARER_SCHEME)
    @Operation(operationId = "getMe", summary = "The signed-in user")
    @APIResponse(responseCode = "200", description = "The user the access token was issued to",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "User")))
    @APIResponse(responseCode = "401", description = "No valid access token, its session ended, or its user is gone")
    public UserView me(@Context HttpServletRequest request) {
        // looked up with the token's session by request authentication, on every request: an ended session or a
        // deleted user's still-unexpired token stops working at once
        return CurrentUser.of(request).map(UserView::of)
                .orElseThrow(() -> new ProblemException(401, "Not authenticated"));
    }

    @DELETE
    @Path("me")
    @RolesAllowed(NexTargetApplication.USER_ROLE)
    @SecurityRequirement(name = NexTargetApplication.BEARER_SCHEME)
    @Operation(operationId = "deleteMe", summary = "Delete the signed-in user's account",
            description = "Deletes the user and every session at once: all their access and refresh tokens are "
                    + "refused from then on. Signing in again later with the same provider account makes a new user "
                    + "with a new id. The in-app deletion that the App Store (5.1.1(v)) and Google Play require.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid access token, its session ended, or its user is gone")
    public Response deleteMe(@Context HttpServletRequest request) {
        User user = CurrentUser.of(request).orElseThrow(() -> new ProblemException(401, "Not authenticated"));
        deletion.deleteAtTheirRequest(user.getId());
        return Response.noContent().build();
    }
}
