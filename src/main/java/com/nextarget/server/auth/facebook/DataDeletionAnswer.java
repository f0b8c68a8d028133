package com.nextarget.server.auth.facebook;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What Meta's data deletion callback expects back: where the person can see the status, and the receipt's code. */
@JsonbPropertyOrder({"url", "confirmationCode"})
@Schema(name = "DataDeletionAnswer", requiredProperties = {"url", "confirmation_code"})
public record DataDeletionAnswer(
        @Schema(description = "The status URL of this deletion") String url,
        @Schema(name = "confirmation_code") @JsonbProperty("confirmation_code") String confirmationCode) {
}
