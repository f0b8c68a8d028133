package com.nextarget.server.auth;

import com.nextarget.server.NexTargetApplication;
import com.nextarget.server.error.ProblemException;
import com.nextarget.server.token.AccessTokenIssuer;
import com.nextarget.server.token.Sessions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("auth/logout")
@Tag(name = "auth")
public class LogoutResource {

    @Inject
    Sessions sessions;

    @POST
    @RolesAllowed(NexTargetApplication.USER_ROLE)
    @SecurityRequirement(name = NexTargetApplication.BEARER_SCHEME)
    @Operation(operationId = "logout", summary = "Sign out this device", description = "Ends the session of the access token: its access and "
            + "refresh tokens stop working at once. The person's other sessions go on.")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(responseCode = "401", description = "No valid access token, or its session already ended")
    public Response logout(@Context SecurityContext security) {
        if (!(security.getUserPrincipal() instanceof JsonWebToken jwt)
                || !(jwt.getClaim(AccessTokenIssuer.SESSION_CLAIM) instanceof String sessionId)) {
            throw new ProblemException(401, "Not authenticated");
        }
        sessions.end(sessionId);
        return Response.noContent().build();
    }
}
