package com.nextarget.server.auth.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * What an id_token's {@code nonce} claim must be (OIDC Core 3.1.3.7 step 11). The validator asks last, after every
 * other check passed, so a policy that spends a nonce spends it only on an otherwise valid token.
 */
@FunctionalInterface
public interface NoncePolicy {

    /** @param nonce the claim, never null (a token without one is refused before) */
    boolean accepts(String nonce);

    /** The nonce this server sent in the authentication request, compared in constant time. */
    static NoncePolicy equalTo(String expected) {
        return nonce -> expected != null && MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
