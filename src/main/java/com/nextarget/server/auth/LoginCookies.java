package com.nextarget.server.auth;

import com.nextarget.server.auth.facebook.FacebookSettings;
import com.nextarget.server.auth.google.GoogleSettings;
import com.nextarget.server.user.IdentityProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The cookie that binds a pending login to the browser that started it: HttpOnly, SameSite=Lax (the provider's
 * redirect back is a top-level navigation, which Lax lets through), limited to {@code /auth/}, and Secure when the
 * provider's redirect URI is https, so that it never travels over plain HTTP there; local http:// setups keep working.
 */
@ApplicationScoped
public class LoginCookies {

    @Inject
    GoogleSettings google;

    @Inject
    FacebookSettings facebook;

    /** A {@code Set-Cookie} value (RFC 6265; written by hand: JAX-RS still writes the obsolete {@code Version=1}). */
    public String binding(IdentityProvider provider, String value, Duration lifetime) {
        return cookie(provider, value, lifetime.toSeconds());
    }

    /** Sent with the callback's answer: the login is over, the browser can forget it. */
    public String cleared(IdentityProvider provider) {
        return cookie(provider, "", 0);
    }

    private String cookie(IdentityProvider provider, String value, long maxAge) {
        String redirectUri = provider == IdentityProvider.GOOGLE ? google.getRedirectUri() : facebook.redirectUri();
        return PendingLogins.COOKIE + "=" + value + "; Path=/auth/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Lax"
                + (redirectUri.startsWith("https://") ? "; Secure" : "");
    }
}
