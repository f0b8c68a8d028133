package com.nextarget.server.auth.facebook;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The status page of a deletion Meta asked for. */
@JsonbPropertyOrder({"confirmationCode", "status"})
public record DataDeletionStatus(@JsonbProperty("confirmation_code") String confirmationCode, String status) {
}
