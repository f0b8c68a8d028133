package com.nextarget.server.auth.facebook;

import com.nextarget.server.error.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Meta's data deletion request callback and deauthorize callback (App Dashboard, Facebook Login settings). The form
 * body is read here as a String, so that no servlet filter ever needs to have consumed it.
 */
@Path("auth/facebook")
@Tag(name = "auth")
public class MetaCallbacksResource {

    @Inject
    FacebookSettings settings;

    @Inject
    MetaCallbacks callbacks;

    @POST
    @Path("data-deletion")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestFacebookDataDeletion", summary = "Meta's data deletion request callback",
            description = "Deletes the Facebook user the signed_request names, as DELETE /users/me does, and answers "
                    + "where the person can check the deletion. A user who does not exist (any more) is no error.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(ref = "SignedRequestForm")))
    @APIResponse(responseCode = "200", description = "Deleted (or nothing to delete); the receipt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "DataDeletionAnswer")))
    @APIResponse(responseCode = "400", description = "signed_request missing, malformed or wrongly signed")
    @APIResponse(responseCode = "503", description = "Facebook sign-in is not configured")
    public DataDeletionAnswer dataDeletion(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        requireConfigured();
        return callbacks.deleteAtMetasRequest(SignedRequest.fromForm(contentType, body));
    }

    @GET
    @Path("data-deletion/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getFacebookDataDeletionStatus", summary = "The status of a data deletion Meta asked for",
            description = "The status URL answered by the data deletion callback.")
    @APIResponse(responseCode = "200", description = "The deletion is done",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "DataDeletionStatus")))
    @APIResponse(responseCode = "404", description = "No deletion request has this confirmation code")
    public DataDeletionStatus dataDeletionStatus(@PathParam("code") String code) {
        return callbacks.statusOf(code);
    }

    @POST
    @Path("deauthorize")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "deauthorizeFacebook", summary = "Meta's deauthorize callback",
            description = "The person removed the app in their Facebook settings: every session of that Facebook "
                    + "user ends (their tokens are refused at once); the account stays.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(ref = "SignedRequestForm")))
    @APIResponse(responseCode = "200", description = "Sessions ended (or there were none): an empty object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "Deauthorized")))
    @APIResponse(responseCode = "400", description = "signed_request missing, malformed or wrongly signed")
    @APIResponse(responseCode = "503", description = "Facebook sign-in is not configured")
    public Deauthorized deauthorize(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        requireConfigured();
        callbacks.deauthorize(SignedRequest.fromForm(contentType, body));
        return new Deauthorized();
    }

    private void requireConfigured() {
        if (!settings.isConfigured()) {
            throw new ProblemException(503, "Facebook sign-in is not configured");
        }
    }
}
