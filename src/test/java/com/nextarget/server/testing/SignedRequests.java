package com.nextarget.server.testing;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's {@code signed_request} as its data deletion and deauthorize callbacks send it: base64url without padding,
 * {@code <HMAC-SHA256 of the payload part, keyed with the app secret>.<JSON payload>}.
 */
public final class SignedRequests {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private SignedRequests() {
    }

    /** What Meta sends about this user of the test Facebook app. */
    public static String forUser(String userId) {
        return signed(RunningServer.FACEBOOK_APP_SECRET, payload("HMAC-SHA256", userId));
    }

    /** The payload Meta sends: algorithm, issued_at, user_id. */
    public static String payload(String algorithm, String userId) {
        return Json.createObjectBuilder()
                .add("algorithm", algorithm)
                .add("issued_at", System.currentTimeMillis() / 1000)
                .add("user_id", userId)
                .build().toString();
    }

    public static String signed(String appSecret, String payloadJson) {
        String payload = base64url(payloadJson.getBytes(StandardCharsets.UTF_8));
        return signature(appSecret, payload) + "." + payload;
    }

    /** The signature part for a payload part, as sent (base64url text). */
    public static String signature(String appSecret, String payloadPart) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return base64url(mac.doFinal(payloadPart.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String base64url(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }
}
