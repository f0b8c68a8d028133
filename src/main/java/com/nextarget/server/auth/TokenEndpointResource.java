package com.nextarget.server.auth;

import com.nextarget.server.token.OAuthProblem;
import com.nextarget.server.token.Sessions;
import com.nextarget.server.token.TokenResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
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

/** The OAuth 2.0 endpoints of a session: the token endpoint (RFC 6749 3.2) and revocation (RFC 7009). */
@Path("auth")
@Tag(name = "auth")
public class TokenEndpointResource {

    @Inject
    Sessions sessions;

    @Inject
    AppHandOff handOff;

    @POST
    @Path("token")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "token", summary = "The token endpoint", description = "grant_type=authorization_code (code, code_verifier, "
            + "redirect_uri) redeems an app sign-in's one-time code; grant_type=refresh_token (refresh_token) rotates "
            + "a session's refresh token. Form-encoded, or a JSON object with the same members.")
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED),
            @Content(mediaType = MediaType.APPLICATION_JSON)})
    @APIResponse(responseCode = "200", description = "A token response",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenResponse")),
            headers = @Header(name = "Cache-Control", required = true, description = "no-store",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "invalid_request, invalid_grant or unsupported_grant_type",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError")))
    public Response token(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        OAuthParameters parameters = OAuthParameters.parse(contentType, body);
        String grantType = parameters.required("grant_type");
        TokenResponse tokens = switch (grantType) {
            case "refresh_token" -> sessions.refresh(parameters.required("refresh_token"));
            case "authorization_code" -> handOff.redeem(parameters.required("code"),
                    parameters.required("code_verifier"), parameters.required("redirect_uri"));
            default -> throw new OAuthProblem(OAuthProblem.UNSUPPORTED_GRANT_TYPE,
                    "grant_type must be authorization_code or refresh_token");
        };
        // RFC 6749 5.1
        return Response.ok(tokens, MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(CacheControl.valueOf("no-store"))
                .header("Pragma", "no-cache")
                .build();
    }

    @POST
    @Path("revoke")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "revokeToken", summary = "Revoke a refresh token", description = "Ends the session of the refresh token (RFC 7009). "
            + "Unknown or dead tokens are no error.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED))
    @APIResponse(responseCode = "200", description = "Revoked (an empty body)")
    @APIResponse(responseCode = "400", description = "invalid_request: no token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError")))
    public Response revoke(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        sessions.revoke(OAuthParameters.parse(contentType, body).required("token"));
        return Response.ok().build();
    }
}
