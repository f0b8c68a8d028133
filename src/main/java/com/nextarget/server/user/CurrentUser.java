package com.nextarget.server.user;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The user whose live session an accepted access token belongs to, looked up once by request authentication and
 * handed to the resource in a request attribute, so that a request costs one database lookup, not two.
 */
public final class CurrentUser {

    public static final String ATTRIBUTE = "nextarget.current-user";

    private CurrentUser() {
    }

    public static Optional<User> of(HttpServletRequest request) {
        return Optional.ofNullable((User) request.getAttribute(ATTRIBUTE));
    }
}
