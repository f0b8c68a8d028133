package com.nextarget.server.auth.google;

import com.nextarget.server.auth.BuiltInMechanisms;
import com.nextarget.server.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.OpenIdProviderMetadata;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

/**
 * The start of a Google login, driven by Jakarta Security's OpenID Connect mechanism: it builds the authentication
 * request (scope, state, nonce, redirect_uri) from the provider metadata that {@link GoogleProvider} read. The
 * mechanism sees a request without any parameter (an app's own {@code state}, {@code nonce} or {@code code} must
 * never be read as a callback) and its redirect and cookies are held back: the start resource records the state and
 * nonce in the database and sends the browser on (see the auth package-info for why the callback is ours).
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
        // nothing of the mechanism's own bookkeeping is kept: no HTTP session, and its cookies are dropped below
        useSession = false)
@ApplicationScoped
public class GoogleOpenIdLogin {

    /** The request attribute under which the start resource finds the authentication request. */
    public static final String AUTHORIZATION_REQUEST = "nextarget.google.authorization-request";

    @Inject
    BuiltInMechanisms builtIn;

    @Inject
    GoogleProvider provider;

    /** Google's authentication request for this start, with fresh state and nonce. */
    public URI authorizationRequest(HttpServletRequest request, HttpServletResponse response,
                                    HttpMessageContext context) throws AuthenticationException {
        // read (or fail on) the provider metadata here, where a failure becomes a 502/504, not inside the mechanism
        provider.metadata();
        WithoutParameters bare = new WithoutParameters(request);
        RedirectCapture capture = new RedirectCapture(response);
        builtIn.openId().validateRequest(bare, capture, new StartContext(context, bare, capture));
        if (capture.location == null) {
            throw new ProblemException(502, "The Google sign-in could not be started");
        }
        URI location = URI.create(capture.location);
        Map<String, String> query = query(location);
        if (query.get("state") == null || query.get("nonce") == null) {
            throw new ProblemException(502, "The Google sign-in could not be started");
        }
        return location;
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        String raw = uri.getRawQuery();
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

    /** The start request as the mechanism sees it: no query string, no parameters. */
    private static final class WithoutParameters extends HttpServletRequestWrapper {

        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }

    /** Holds back the mechanism's redirect and drops the cookies it would set. */
    private static final class RedirectCapture extends HttpServletResponseWrapper {

        private String location;

        RedirectCapture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendRedirect(String location) {
            this.location = location;
        }

        @Override
        public void addCookie(Cookie cookie) {
        }

        @Override
        public void addHeader(String name, String value) {
            if (!"Set-Cookie".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!"Set-Cookie".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }
    }

    /** The OpenID mechanism starts a login only for a protected resource; /auth/google/start is one for it. */
    private static final class StartContext extends HttpMessageContextWrapper {

        private final HttpServletRequest request;
        private final HttpServletResponse response;

        StartContext(HttpMessageContext context, HttpServletRequest request, HttpServletResponse response) {
            super(context);
            this.request = request;
            this.response = response;
        }

        @Override
        public boolean isProtected() {
            return true;
        }

        @Override
        public HttpServletRequest getRequest() {
            return request;
        }

        @Override
        public HttpServletResponse getResponse() {
            return response;
        }
    }
}
