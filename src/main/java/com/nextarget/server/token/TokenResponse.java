package com.nextarget.server.token;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The body of a successful login: an OAuth 2.0 style token response (RFC 6749 5.1). */
@JsonbPropertyOrder({"accessToken", "tokenType", "expiresIn"})
public record TokenResponse(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") long expiresIn) {

    public static TokenResponse bearer(String accessToken, long expiresInSeconds) {
        return new TokenResponse(accessToken, "bearer", expiresInSeconds);
    }
}
