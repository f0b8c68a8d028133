package com.nextarget.server.auth;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The message context handed to MicroProfile JWT: the request counts as protected (so a missing token is a
 * 401), its "unauthorized" answer becomes the contract's JSON 401 with {@code WWW-Authenticate: Bearer} instead of
 * the container's HTML page without a challenge, and a token it accepts is remembered in {@link VerifiedTokens} and
 * let in only while its session lives ({@link AuthenticationRouter#admit}).
 */
class JsonChallenge extends HttpMessageContextWrapper {

    private final String token;
    private final AuthenticationRouter router;

    JsonChallenge(HttpMessageContext context, String token, AuthenticationRouter router) {
        super(context);
        this.token = token;
        this.router = router;
    }

    @Override
    public boolean isProtected() {
        return true;
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
        if (token == null || result.getStatus() != CredentialValidationResult.Status.VALID) {
            return super.notifyContainerAboutLogin(result);
        }
        router.verified.remember(token, result.getCallerPrincipal(), result.getCallerGroups());
        return router.admit(getWrapped(), result.getCallerPrincipal(), result.getCallerGroups());
    }

    @Override
    public AuthenticationStatus responseUnauthorized() {
        return AuthenticationRouter.answer(getResponse(), HttpServletResponse.SC_UNAUTHORIZED, "Not authenticated");
    }
}
