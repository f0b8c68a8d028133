package com.nextarget.server.auth;

import com.nextarget.server.error.ErrorBody;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
        HttpServletResponse response = getResponse();
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            response.getWriter().write(new ErrorBody("Not authenticated").toJson());
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
