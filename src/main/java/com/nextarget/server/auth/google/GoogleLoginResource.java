package com.nextarget.server.auth.google;

import com.nextarget.server.auth.AppRequest;
import com.nextarget.server.auth.AppSettings;
import com.nextarget.server.auth.LoginFlow;
import com.nextarget.server.auth.PendingLogins;
import com.nextarget.server.error.ProblemException;
import com.nextarget.server.user.IdentityProvider;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
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
    AppSettings apps;

    @Inject
    LoginFlow flow;

    @Inject
    GoogleCodeExchange exchange;

    @GET
    @Path("start")
    @Operation(operationId = "startGoogleLogin", summary = "Start a Google sign-in", description = "Redirects the "
            + "browser to Google's sign-in page. An app adds redirect_uri, code_challenge, code_challenge_method=S256 "
            + "and optionally state (RFC 8252, RFC 7636).")
    @APIResponse(responseCode = "302", description = "Redirect to Google's authorization endpoint",
            headers = @Header(name = "Location", required = true, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "App parameters refused (unregistered redirect_uri, no S256 challenge)")
    @APIResponse(responseCode = "502", description = "Google failed")
    @APIResponse(responseCode = "503", description = "Google sign-in is not configured")
    @APIResponse(responseCode = "504", description = "Google did not answer within 10 s")
    public Response start(@Context UriInfo uri, @Context HttpServletRequest request) {
        requireConfigured();
        AppRequest app = AppRequest.from(uri.getQueryParameters(), apps);
        // built by the OpenID Connect mechanism, which the authentication router ran before this resource
        URI authorizationRequest = (URI) request.getAttribute(GoogleOpenIdLogin.AUTHORIZATION_REQUEST);
        if (authorizationRequest == null) {
            throw new ProblemException(502, "The Google sign-in could not be started");
        }
        var query = GoogleOpenIdLogin.query(authorizationRequest);
        return flow.start(IdentityProvider.GOOGLE, authorizationRequest, query.get("state"), query.get("nonce"), app);
    }

    @GET
    @Path("callback")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "finishGoogleLogin", summary = "Finish a Google sign-in", description = "Google "
            + "redirects the browser here. A browser sign-in gets the token response; an app sign-in is redirected to "
            + "the app with a one-time code.")
    @APIResponse(responseCode = "200", description = "Signed in: the server's tokens",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenResponse")),
            headers = @Header(name = "Cache-Control", required = true, description = "no-store",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "302", description = "App sign-in: redirect to the app with code (or error) and state",
            headers = @Header(name = "Location", required = true, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Refused consent, bad or reused state, missing or refused code")
    @APIResponse(responseCode = "401", description = "The id_token failed validation")
    @APIResponse(responseCode = "502", description = "Google failed")
    @APIResponse(responseCode = "503", description = "Google sign-in is not configured")
    @APIResponse(responseCode = "504", description = "Google did not answer within 10 s")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error,
                             @CookieParam(PendingLogins.COOKIE) String browserBinding) {
        requireConfigured();
        return flow.finish(IdentityProvider.GOOGLE, new LoginFlow.Callback(code, state, error, browserBinding),
                login -> exchange.identify(code, login.nonce()));
    }

    private void requireConfigured() {
        if (!settings.isConfigured()) {
            throw new ProblemException(503, "Google sign-in is not configured");
        }
    }
}
