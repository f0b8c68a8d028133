package com.nextarget.server.auth.facebook;

import com.nextarget.server.auth.LoginCompletion;
import com.nextarget.server.auth.LoginSessions;
import com.nextarget.server.error.ProblemException;
import com.nextarget.server.user.IdentityProvider;
import com.nextarget.server.auth.LoginFinished;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Facebook sign-in as plain resources: no built-in mechanism speaks Facebook's OAuth 2.0 dialect, and a mechanism
 * of our own would only forward to the same code. What Google and Facebook share (state, user, token, errors) is in
 * the auth package and used by both.
 */
@Path("auth/facebook")
@Tag(name = "auth")
public class FacebookLoginResource {

    @Inject
    FacebookSettings settings;

    @Inject
    LoginSessions sessions;

    @Inject
    GraphApiClient graph;

    @Inject
    LoginCompletion completion;

    @Inject
    Event<LoginFinished> finished;

    @GET
    @Path("start")
    @Operation(operationId = "startFacebookLogin", summary = "Start a Facebook sign-in", description = "Redirects the browser to Facebook's login dialog.")
    @APIResponse(responseCode = "302", description = "Redirect to the Facebook login dialog",
            headers = @Header(name = "Location", required = true, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "503", description = "Facebook sign-in is not configured")
    public Response start(@Context HttpServletRequest request) {
        requireConfigured();
        sessions.endSession(request);
        String state = LoginSessions.randomValue();
        sessions.begin(request, IdentityProvider.FACEBOOK, state, null);
        return Response.status(Response.Status.FOUND)
                .location(UriBuilder.fromUri(settings.authorizeUrl())
                        .queryParam("client_id", settings.clientId())
                        .queryParam("redirect_uri", settings.redirectUri())
                        .queryParam("state", state)
                        .queryParam("response_type", "code")
                        .queryParam("scope", "email")
                        .build())
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("callback")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "finishFacebookLogin", summary = "Finish a Facebook sign-in", description = "Facebook redirects the browser here.")
    @APIResponse(responseCode = "200", description = "Signed in: the server's access token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenResponse")),
            headers = @Header(name = "Cache-Control", required = true, description = "no-store",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Refused consent, bad or reused state, missing or refused code")
    @APIResponse(responseCode = "502", description = "Facebook failed")
    @APIResponse(responseCode = "503", description = "Facebook sign-in is not configured")
    @APIResponse(responseCode = "504", description = "Facebook did not answer within 10 s")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error, @Context HttpServletRequest request) {
        requireConfigured();
        sessions.complete(request, IdentityProvider.FACEBOOK, state, error, code);
        try {
            Response response = completion.complete(graph.identify(code));
            finished.fire(LoginFinished.success(IdentityProvider.FACEBOOK, LoginFinished.BROWSER));
            return response;
        } catch (ProblemException problem) {
            finished.fire(LoginFinished.failure(IdentityProvider.FACEBOOK, LoginFinished.BROWSER, problem.status()));
            throw problem;
        }
    }

    private void requireConfigured() {
        if (!settings.isConfigured()) {
            throw new ProblemException(503, "Facebook sign-in is not configured");
        }
    }
}
