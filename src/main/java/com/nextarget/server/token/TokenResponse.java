package com.nextarget.server.token;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The body of a successful sign-in or refresh: an OAuth 2.0 token response (RFC 6749 5.1). */
@JsonbPropertyOrder({"accessToken", "tokenType", "expiresIn", "refreshToken"})
public record TokenResponse(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") long expiresIn,
        @JsonbProperty("refresh_token") String refreshToken) {

    public static TokenResponse bearer(String accessToken, long expiresInSeconds, String refreshToken) {
        return new TokenResponse(accessToken, "bearer", expiresInSeconds, refreshToken);
    }
}
