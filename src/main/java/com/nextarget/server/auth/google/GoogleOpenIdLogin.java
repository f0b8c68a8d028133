package com.nextarget.server.auth.google;

import com.nextarget.server.auth.BuiltInMechanisms;
import com.nextarget.server.auth.LoginSessions;
import com.nextarget.server.error.ProblemException;
import com.nextarget.server.user.IdentityProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.OpenIdProviderMetadata;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The start of a Google login, driven by Jakarta Security's OpenID Connect mechanism: it builds the
 * authentication request (scope, state, nonce, redirect_uri) from the provider metadata that {@link GoogleProvider}
 * read. The state and nonce it generates are recorded as this browser's pending login before the browser is sent
 * to Google, so that the callback can check them (see the auth package-info for why the callback is ours).
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "",
        providerMetadata = @OpenIdProviderMetadata(
                issuer = "${googleProvider.issuer}",
                authorizationEndpoint = "${googleProvider.authorizationEndpoint}",
                tokenEndpoint = "${googleProvider.tokenEndpoint}",
                jwksURI = "${googleProvider.jwksUri}",
                idTokenSigningAlgorithmsSupported = "RS256"),
        clientId = "${googleSettings.clientId}",
        clientSecret = "${googleSettings.clientSecret}",
        redirectURI = "${googleSettings.redirectUri}",
        scope = {"openid", "email"},
        useNonce = true,
        useSession = true)
@ApplicationScoped
public class GoogleOpenIdLogin {

    @Inject
    BuiltInMechanisms builtIn;

    @Inject
    GoogleProvider provider;

    @Inject
    LoginSessions sessions;

    public AuthenticationStatus start(HttpServletRequest request, HttpServletResponse response,
                                      HttpMessageContext context) throws AuthenticationException {
        sessions.endSession(request);
        // read (or fail on) the provider metadata here, where a failure becomes a 502/504, not inside the mechanism
        provider.metadata();
        RedirectCapture capture = new RedirectCapture(response);
        builtIn.openId().validateRequest(request, capture, new StartContext(context, capture));
        Map<String, String> query = capture.query();
        String state = query.get("state");
        String nonce = query.get("nonce");
        if (state == null || nonce == null) {
            throw new ProblemException(502, "The Google sign-in could not be started");
        }
        sessions.begin(request, IdentityProvider.GOOGLE, state, nonce);
        try {
            response.sendRedirect(capture.location);
        } catch (IOException e) {
            throw new AuthenticationException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /** Holds back the mechanism's redirect until the pending login is recorded. */
    private static final class RedirectCapture extends HttpServletResponseWrapper {

        private String location;

        RedirectCapture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendRedirect(String location) {
            this.location = location;
        }

        Map<String, String> query() {
            Map<String, String> values = new HashMap<>();
            String raw = location == null ? null : URI.create(location).getRawQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            return values;
        }
    }

    /** The OpenID mechanism starts a login only for a protected resource; /auth/google/start is one for it. */
    private static final class StartContext extends HttpMessageContextWrapper {

        private final HttpServletResponse response;

        StartContext(HttpMessageContext context, HttpServletResponse response) {
            super(context);
            this.response = response;
        }

        @Override
        public boolean isProtected() {
            return true;
        }

        @Override
        public HttpServletResponse getResponse() {
            return response;
        }
    }
}
