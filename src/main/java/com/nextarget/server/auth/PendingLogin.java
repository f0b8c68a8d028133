package com.nextarget.server.auth;

import com.nextarget.server.user.IdentityProvider;
import java.time.Instant;

/**
 * A login that {@code /start} began and its callback has not finished: what the callback must find again.
 *
 * @param nonce the value the id_token's {@code nonce} claim must equal (null for OAuth-only providers)
 */
public record PendingLogin(IdentityProvider provider, String state, String nonce, Instant expiresAt) {
}
