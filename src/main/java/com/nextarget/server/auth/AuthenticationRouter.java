package com.nextarget.server.auth;

import com.nextarget.server.auth.google.GoogleOpenIdLogin;
import com.nextarget.server.auth.google.GoogleSettings;
import com.nextarget.server.error.ErrorBody;
import com.nextarget.server.error.ErrorResponses;
import com.nextarget.server.error.ProblemException;
import com.nextarget.server.user.CurrentUser;
import com.nextarget.server.ops.RequestObserver;
import com.nextarget.server.ratelimit.RateLimiter;
import io.opentelemetry.context.Scope;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Set;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's one {@link HttpAuthenticationMechanism} (see package-info): it sends each request to the
 * built-in mechanism that owns its path, lets every other request through untouched, and turns any failure on the
 * way into the contract's JSON error (a mechanism's own failures would be empty 500s).
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class AuthenticationRouter implements HttpAuthenticationMechanism {

    /** Paths under these prefixes need an access token; nothing else ever looks at the Authorization header. */
    static final String[] BEARER_PROTECTED = {"/users/", "/auth/logout"};
    static final String GOOGLE_START = "/auth/google/start";
    static final String RATE_LIMITED = "/auth/";

    private static final Logger LOG = Logger.getLogger(AuthenticationRouter.class.getName());

    @Inject
    BuiltInMechanisms builtIn;

    @Inject
    VerifiedTokens verified;

    @Inject
    ActiveCallers callers;

    @Inject
    GoogleSettings google;

    @Inject
    GoogleOpenIdLogin googleLogin;

    @Inject
    RequestObserver requests;

    @Inject
    RateLimiter rateLimiter;

    /** The first application code every request meets: its observation (ops.RequestObserver) begins here. */
    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        try (Scope scope = requests.begin(request).context().makeCurrent()) {
            AuthenticationStatus status = route(request, response, context);
            // answered here (401, 429, the redirect to Google): the servlet chain, which would record it, never runs
            if (status == AuthenticationStatus.SEND_FAILURE || status == AuthenticationStatus.SEND_CONTINUE) {
                requests.finish(request, response.getStatus());
            }
            return status;
        }
    }

    private AuthenticationStatus route(HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context) throws AuthenticationException {
        String path = pathOf(request);
        try {
            // a CORS preflight carries no credentials by design (see config.CorsFilter)
            if ("OPTIONS".equals(request.getMethod())) {
                return context.doNothing();
            }
            if (path.startsWith(RATE_LIMITED)) {
                OptionalLong retryAfter = rateLimiter.retryAfter(request);
                if (retryAfter.isPresent()) {
                    response.setHeader("Retry-After", Long.toString(retryAfter.getAsLong()));
                    return answer(response, 429, "Too many requests: try again in " + retryAfter.getAsLong() + " s");
                }
            }
            if (requiresBearerToken(path)) {
                return bearer(request, response, context);
            }
            if (path.equals(GOOGLE_START) && "GET".equals(request.getMethod()) && google.isConfigured()) {
                // the mechanism only builds Google's URL; GoogleLoginResource does the rest of the start
                request.setAttribute(GoogleOpenIdLogin.AUTHORIZATION_REQUEST,
                        googleLogin.authorizationRequest(request, response, context));
                return context.doNothing();
            }
            return context.doNothing();
        } catch (ProblemException problem) {
            return answer(response, problem.status(), problem.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Unexpected error during authentication: {0}", e.getClass().getName());
            return answer(response, 500, ErrorResponses.reason(500));
        }
    }

    private AuthenticationStatus bearer(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context) throws AuthenticationException {
        String token = bearerToken(request);
        if (token != null) {
            var caller = verified.find(token);
            if (caller.isPresent()) {
                return admit(context, caller.get().principal(), caller.get().groups());
            }
        }
        return builtIn.microProfileJwt().validateRequest(request, response, new JsonChallenge(context, token, this));
    }

    /** A token whose signature and claims are good: let its caller in if the session is still live. */
    AuthenticationStatus admit(HttpMessageContext context, Principal principal, Set<String> groups) {
        var user = callers.userOf(principal);
        if (user.isEmpty()) {
            return answer(context.getResponse(), HttpServletResponse.SC_UNAUTHORIZED,
                    "The session of this access token has ended");
        }
        context.getRequest().setAttribute(CurrentUser.ATTRIBUTE, user.get());
        return context.notifyContainerAboutLogin(principal, groups);
    }

    /** The decoded, normalised path the container maps (so {@code /./users/me} or {@code /%75sers/me} count too). */
    static String pathOf(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    /** The token of an {@code Authorization: Bearer} header (RFC 6750 2.1), the only place a token is accepted. */
    static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() <= 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    static boolean requiresBearerToken(String path) {
        for (String prefix : BEARER_PROTECTED) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Writes and commits the JSON error, so the container has nothing left to render. */
    static AuthenticationStatus answer(HttpServletResponse response, int status, String detail) {
        response.setStatus(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            response.getWriter().write(new ErrorBody(detail).toJson());
            response.flushBuffer();
        } catch (IOException e) {
            LOG.fine("the client went away before the error was written");
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
