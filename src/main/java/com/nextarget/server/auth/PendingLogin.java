package com.nextarget.server.auth;

import com.nextarget.server.user.IdentityProvider;

/**
 * A login that {@code /start} began and its callback has not finished: what the callback must find again.
 *
 * @param nonce the value the id_token's {@code nonce} claim must equal (null for OAuth-only providers)
 * @param app the app's hand-off parameters, or null for a browser sign-in answered with JSON
 */
public record PendingLogin(IdentityProvider provider, String nonce, AppRequest app) {

    public boolean isApp() {
        return app != null;
    }
}
