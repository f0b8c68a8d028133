package com.nextarget.server.auth.facebook;

import com.nextarget.server.auth.SdkSignIn;
import com.nextarget.server.error.ProblemException;
import com.nextarget.server.user.IdentityProvider;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("auth/facebook/token")
@Tag(name = "auth")
public class FacebookSdkResource {

    @Inject
    FacebookSettings settings;

    @Inject
    GraphApiClient graph;

    @Inject
    LimitedLogin limitedLogin;

    @Inject
    SdkSignIn sdk;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signInWithFacebookSdk",
            summary = "Sign in with a credential of Facebook's SDK", description = "Exactly one of access_token "
            + "(a user access token, checked with debug_token and /me) or id_token (a Limited Login token carrying a "
            + "nonce from POST /auth/nonce, which it spends).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "FacebookSdkCredential")))
    @APIResponse(responseCode = "200", description = "Signed in: a new session's tokens",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenResponse")),
            headers = @Header(name = "Cache-Control", required = true, description = "no-store",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Missing or malformed body, or both or neither member")
    @APIResponse(responseCode = "401", description = "The token is invalid, of another app or another user, or the "
            + "id_token failed a check")
    @APIResponse(responseCode = "502", description = "Facebook failed")
    @APIResponse(responseCode = "503", description = "Facebook sign-in is not configured")
    @APIResponse(responseCode = "504", description = "Facebook did not answer within 10 s")
    public Response signInWithFacebookSdk(String body) {
        if (!settings.acceptsAppTokens()) {
            throw new ProblemException(503, "Facebook sign-in is not configured");
        }
        JsonObject credential = SdkSignIn.body(body);
        Optional<String> accessToken = SdkSignIn.member(credential, "access_token");
        Optional<String> idToken = SdkSignIn.member(credential, "id_token");
        if (accessToken.isPresent() == idToken.isPresent()) {
            throw new ProblemException(400, "Send exactly one of access_token and id_token");
        }
        return sdk.signIn(IdentityProvider.FACEBOOK, () -> accessToken.isPresent()
                ? graph.identifyUserToken(accessToken.get())
                : limitedLogin.identify(idToken.get()));
    }
}
