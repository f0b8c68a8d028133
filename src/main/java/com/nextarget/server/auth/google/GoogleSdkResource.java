package com.nextarget.server.auth.google;

import com.nextarget.server.auth.SdkSignIn;
import com.nextarget.server.error.ProblemException;
import com.nextarget.server.user.IdentityProvider;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("auth/google/token")
@Tag(name = "auth")
public class GoogleSdkResource {

    @Inject
    GoogleSettings settings;

    @Inject
    GoogleIdTokens idTokens;

    @Inject
    SdkSignIn sdk;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signInWithGoogleSdk",
            summary = "Sign in with an id_token of Google's SDK", description = "The id_token must be for "
            + "GOOGLE_CLIENT_ID or one of GOOGLE_APP_CLIENT_IDS and carry a nonce from POST /auth/nonce (as is, or "
            + "its lowercase hex SHA-256), which it spends.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "GoogleSdkCredential")))
    @APIResponse(responseCode = "200", description = "Signed in: a new session's tokens",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenResponse")),
            headers = @Header(name = "Cache-Control", required = true, description = "no-store",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Missing or malformed body")
    @APIResponse(responseCode = "401", description = "The id_token failed a check, or its nonce is unknown, spent "
            + "or expired")
    @APIResponse(responseCode = "502", description = "Google's keys could not be read")
    @APIResponse(responseCode = "503", description = "Google sign-in is not configured")
    @APIResponse(responseCode = "504", description = "Google did not answer within 10 s")
    public Response signInWithGoogleSdk(String body) {
        if (!settings.acceptsAppTokens()) {
            throw new ProblemException(503, "Google sign-in is not configured");
        }
        String idToken = SdkSignIn.required(SdkSignIn.body(body), "id_token");
        return sdk.signIn(IdentityProvider.GOOGLE, () -> idTokens.fromApp(idToken));
    }
}
