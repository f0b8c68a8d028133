package com.nextarget.server.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random, URL-safe values (refresh tokens, one-time codes, state, nonces, session ids) and the SHA-256 hash under
 * which the database keeps those that are credentials. A fast hash is enough: they are random, not passwords.
 */
public final class OpaqueValues {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private OpaqueValues() {
    }

    /** {@code bits} random bits (a multiple of 8), base64url without padding. */
    public static String random(int bits) {
        byte[] bytes = new byte[bits / 8];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    public static String hash(String value) {
        return BASE64URL.encodeToString(sha256(value));
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64url(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }
}
