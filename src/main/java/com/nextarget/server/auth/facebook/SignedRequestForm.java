package com.nextarget.server.auth.facebook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The form Meta posts to its callbacks, as /openapi describes it; the server reads it with {@link SignedRequest}. */
@Schema(name = "SignedRequestForm", requiredProperties = SignedRequest.FIELD)
record SignedRequestForm(
        @Schema(name = SignedRequest.FIELD, description = "<signature>.<payload>, base64url, signed with the app secret")
        String signedRequest) {
}
