package com.nextarget.server.auth.facebook;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** What Meta's data deletion callback expects back: where the person can see the status, and the receipt's code. */
@JsonbPropertyOrder({"url", "confirmationCode"})
public record DataDeletionAnswer(String url, @JsonbProperty("confirmation_code") String confirmationCode) {
}
