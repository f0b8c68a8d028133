package com.nextarget.server.auth.google;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("auth/google")
@Tag(name = "auth")
public class GoogleLoginResource {

    @Inject
    GoogleSettings settings;

    @Inject
    LoginSessions sessions;

    @Inject
    GoogleCodeExchange exchange;

    @Inject
    LoginCompletion completion;

    @Inject
    Event<LoginFinished> finished;

    /** Reached only when the authentication mechanism did not redirect, that is when Google is not configured. */
    @GET
    @Path("start")
    @Operation(operationId = "startGoogleLogin", summary = "Start a Google sign-in", description = "Redirects the browser to Google's sign-in page.")
    @APIResponse(responseCode = "302", description = "Redirect to Google's authorization endpoint",
            headers = @Header(name = "Location", required = true, schema = @Schema(type = SchemaType.STRING)),
            // the OpenID mechanism redirects with sendRedirect, which writes a short page with the link
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "502", description = "Google failed")
    @APIResponse(responseCode = "503", description = "Google sign-in is not configured")
    @APIResponse(responseCode = "504", description = "Google did not answer within 10 s")
    public Response start() {
        throw new ProblemException(503, "Google sign-in is not configured");
    }

    @GET
    @Path("callback")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "finishGoogleLogin", summary = "Finish a Google sign-in", description = "Google redirects the browser here.")
    @APIResponse(responseCode = "200", description = "Signed in: the server's access token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenResponse")),
            headers = @Header(name = "Cache-Control", required = true, description = "no-store",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Refused consent, bad or reused state, missing or refused code")
    @APIResponse(responseCode = "401", description = "The id_token failed validation")
    @APIResponse(responseCode = "502", description = "Google failed")
    @APIResponse(responseCode = "503", description = "Google sign-in is not configured")
    @APIResponse(responseCode = "504", description = "Google did not answer within 10 s")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error, @Context HttpServletRequest request) {
        if (!settings.isConfigured()) {
            throw new ProblemException(503, "Google sign-in is not configured");
        }
        var login = sessions.complete(request, IdentityProvider.GOOGLE, state, error, code);
        try {
            Response response = completion.complete(exchange.identify(code, login.nonce()));
            finished.fire(LoginFinished.success(IdentityProvider.GOOGLE, LoginFinished.BROWSER));
            return response;
        } catch (ProblemException problem) {
            finished.fire(LoginFinished.failure(IdentityProvider.GOOGLE, LoginFinished.BROWSER, problem.status()));
            throw problem;
        }
    }
}
