package com.nextarget.server.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The application's one {@link HttpAuthenticationMechanism} (see package-info): it sends each request to the
 * built-in mechanism that owns its path, and lets every other request through untouched.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class AuthenticationRouter implements HttpAuthenticationMechanism {

    /** Paths under these prefixes need an access token; nothing else ever looks at the Authorization header. */
    static final String[] BEARER_PROTECTED = {"/users/"};

    @Inject
    BuiltInMechanisms builtIn;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (requiresBearerToken(path)) {
            return builtIn.microProfileJwt().validateRequest(request, response, new JsonChallenge(context));
        }
        return context.doNothing();
    }

    static boolean requiresBearerToken(String path) {
        for (String prefix : BEARER_PROTECTED) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
