package com.nextarget.server.auth;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The message context handed to MicroProfile JWT: the request counts as protected (so a missing token is a
 * 401), and its "unauthorized" answer becomes the contract's JSON 401 with {@code WWW-Authenticate: Bearer}
 * instead of the container's HTML page without a challenge.
 */
class JsonChallenge extends HttpMessageContextWrapper {

    JsonChallenge(HttpMessageContext context) {
        super(context);
    }

    @Override
    public boolean isProtected() {
        return true;
    }

    @Override
    public AuthenticationStatus responseUnauthorized() {
        return AuthenticationRouter.answer(getResponse(), HttpServletResponse.SC_UNAUTHORIZED, "Not authenticated");
    }
}
