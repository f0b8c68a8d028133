package com.nextarget.server.auth.facebook;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The status page of a deletion Meta asked for. */
@JsonbPropertyOrder({"confirmationCode", "status"})
@Schema(name = "DataDeletionStatus", requiredProperties = {"confirmation_code", "status"})
public record DataDeletionStatus(
        @Schema(name = "confirmation_code") @JsonbProperty("confirmation_code") String confirmationCode,
        @Schema(enumeration = "deleted") String status) {
}
