package com.nextarget.server.user;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A user as the API shows it: {@code {"id", "email", "provider"}} first, then informative fields. */
@JsonbPropertyOrder({"id", "email", "provider", "emailVerified", "emailIsPlaceholder", "createdAt", "lastLoginAt"})
public record UserView(long id, String email, String provider,
                       @JsonbProperty("email_verified") Boolean emailVerified,
                       @JsonbProperty("email_is_placeholder") boolean emailIsPlaceholder,
                       @JsonbProperty("created_at") Instant createdAt,
                       @JsonbProperty("last_login_at") Instant lastLoginAt) {

    public static UserView of(User user) {
        return new UserView(user.getId(), user.getEmail(), user.getProvider().wireName(), user.getEmailVerified(),
                user.isEmailIsPlaceholder(), user.getCreatedAt(), user.getLastLoginAt());
    }
}
