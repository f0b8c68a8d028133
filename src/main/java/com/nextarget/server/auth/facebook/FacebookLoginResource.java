package com.nextarget.server.auth.facebook;

import com.nextarget.server.auth.AppRequest;
import com.nextarget.server.auth.AppSettings;
import com.nextarget.server.auth.LoginFlow;
import com.nextarget.server.auth.PendingLogins;
import com.nextarget.server.error.ProblemException;
import com.nextarget.server.user.IdentityProvider;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Facebook sign-in as plain resources: no built-in mechanism speaks Facebook's OAuth 2.0 dialect, and a mechanism
 * of our own would only forward to the same code. What Google and Facebook share is in {@code auth.LoginFlow}.
 */
@Path("auth/facebook")
@Tag(name = "auth")
public class FacebookLoginResource {

    @Inject
    FacebookSettings settings;

    @Inject
    AppSettings apps;

    @Inject
    LoginFlow flow;

    @Inject
    GraphApiClient graph;

    @GET
    @Path("start")
    @Operation(operationId = "startFacebookLogin", summary = "Start a Facebook sign-in", description = "Redirects "
            + "the browser to Facebook's login dialog. An app adds redirect_uri, code_challenge, "
            + "code_challenge_method=S256 and optionally state (RFC 8252, RFC 7636).")
    @APIResponse(responseCode = "302", description = "Redirect to the Facebook login dialog",
            headers = @Header(name = "Location", required = true, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "App parameters refused (unregistered redirect_uri, no S256 challenge)")
    @APIResponse(responseCode = "503", description = "Facebook sign-in is not configured")
    public Response start(@Context UriInfo uri) {
        requireConfigured();
        AppRequest app = AppRequest.from(uri.getQueryParameters(), apps);
        String state = PendingLogins.randomValue();
        return flow.start(IdentityProvider.FACEBOOK, UriBuilder.fromUri(settings.authorizeUrl())
                .queryParam("client_id", settings.clientId())
                .queryParam("redirect_uri", settings.redirectUri())
                .queryParam("state", state)
                .queryParam("response_type", "code")
                .queryParam("scope", "email")
                .build(), state, null, app);
    }

    @GET
    @Path("callback")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "finishFacebookLogin", summary = "Finish a Facebook sign-in", description = "Facebook "
            + "redirects the browser here. A browser sign-in gets the token response; an app sign-in is redirected to "
            + "the app with a one-time code.")
    @APIResponse(responseCode = "200", description = "Signed in: the server's tokens",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenResponse")),
            headers = @Header(name = "Cache-Control", required = true, description = "no-store",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "302", description = "App sign-in: redirect to the app with code (or error) and state",
            headers = @Header(name = "Location", required = true, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Refused consent, bad or reused state, missing or refused code")
    @APIResponse(responseCode = "502", description = "Facebook failed")
    @APIResponse(responseCode = "503", description = "Facebook sign-in is not configured")
    @APIResponse(responseCode = "504", description = "Facebook did not answer within 10 s")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error,
                             @CookieParam(PendingLogins.COOKIE) String browserBinding) {
        requireConfigured();
        return flow.finish(IdentityProvider.FACEBOOK, new LoginFlow.Callback(code, state, error, browserBinding),
                login -> graph.identify(code));
    }

    private void requireConfigured() {
        if (!settings.isConfigured()) {
            throw new ProblemException(503, "Facebook sign-in is not configured");
        }
    }
}
