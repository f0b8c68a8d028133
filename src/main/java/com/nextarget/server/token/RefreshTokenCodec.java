package com.nextarget.server.token;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the server can compute about a refresh token without storing it: a fresh one (256 random bits, URL-safe), its
 * SHA-256 hash (the only form the database holds), and its successor. The successor is an HMAC of the spent token
 * under a server-side key, so a retry of the spent token within the window gets the very same successor back although
 * no token is stored in clear. The key is derived from the signing key, so every instance with the same
 * JWT_SECRET_KEY (or the same generated key file) derives the same successor.
 */
@ApplicationScoped
public class RefreshTokenCodec {

    private static final byte[] PURPOSE = "nextarget refresh-token successor key".getBytes(StandardCharsets.US_ASCII);

    @Inject
    SigningKeys keys;

    private SecretKeySpec successorKey;

    @PostConstruct
    void deriveKey() {
        successorKey = new SecretKeySpec(hmac(new SecretKeySpec(keys.current().getD().decode(), "HmacSHA256"), PURPOSE),
                "HmacSHA256");
    }

    public static String fresh() {
        return OpaqueValues.random(256);
    }

    public static String hash(String token) {
        return OpaqueValues.hash(token);
    }

    public String successorOf(String token) {
        return OpaqueValues.base64url(hmac(successorKey, token.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
