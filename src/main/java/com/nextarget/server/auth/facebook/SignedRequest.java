package com.nextarget.server.auth.facebook;

import com.nextarget.server.error.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What Meta posts to the data deletion and deauthorize callbacks: {@code signed_request=<signature>.<payload>}, both
 * base64url, the signature an HMAC-SHA256 of the payload part (the text as sent) keyed with the app secret, the
 * payload a JSON object naming the app-scoped {@code user_id}. Anything else is the client's fault: a 400, never a 500.
 */
record SignedRequest(String userId) {

    static final String FIELD = "signed_request";
    static final String ALGORITHM = "HMAC-SHA256";
    private static final int MAX_LENGTH = 8 * 1024;

    /** The {@code signed_request} of a form-encoded body. */
    static String fromForm(String contentType, String body) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals("application/x-www-form-urlencoded")) {
            throw invalid("Send signed_request form-encoded (application/x-www-form-urlencoded)");
        }
        if (body == null || body.length() > MAX_LENGTH) {
            throw invalid(body == null ? "signed_request is missing" : "The request body is too large");
        }
        String found = null;
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (!decode(eq < 0 ? pair : pair.substring(0, eq)).equals(FIELD)) {
                continue;
            }
            if (found != null) {
                throw invalid("signed_request is repeated");
            }
            found = eq < 0 ? "" : decode(pair.substring(eq + 1));
        }
        if (found == null || found.isEmpty()) {
            throw invalid("signed_request is missing");
        }
        return found;
    }

    /** Checks the signature first, so that nothing of an unsigned payload is even parsed. */
    static SignedRequest verify(String signedRequest, String appSecret) {
        if (signedRequest == null || signedRequest.length() > MAX_LENGTH) {
            throw invalid("signed_request is missing or too long");
        }
        int dot = signedRequest.indexOf('.');
        if (dot <= 0 || dot == signedRequest.length() - 1 || signedRequest.indexOf('.', dot + 1) >= 0) {
            throw invalid("signed_request must be <signature>.<payload>");
        }
        byte[] signature = base64url(signedRequest.substring(0, dot));
        String payloadPart = signedRequest.substring(dot + 1);
        byte[] payload = base64url(payloadPart);
        // MessageDigest.isEqual takes the same time wherever the first difference is
        if (!MessageDigest.isEqual(hmacSha256(payloadPart, appSecret), signature)) {
            throw invalid("signed_request has a wrong signature");
        }
        JsonObject claims = json(payload);
        if (!(claims.get("algorithm") instanceof JsonString algorithm)
                || !algorithm.getString().equalsIgnoreCase(ALGORITHM)) {
            throw invalid("signed_request's algorithm must be " + ALGORITHM);
        }
        JsonValue id = claims.get("user_id");
        String userId = id instanceof JsonString text ? text.getString()
                : id instanceof JsonNumber number && number.isIntegral() ? number.bigIntegerValue().toString() : null;
        if (userId == null || !userId.matches("[0-9A-Za-z_-]{1,128}")) {
            throw invalid("signed_request names no valid user_id");
        }
        return new SignedRequest(userId);
    }

    static byte[] hmacSha256(String payloadPart, String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payloadPart.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Facebook leaves the padding out; a part with its padding is accepted too. */
    private static byte[] base64url(String part) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw invalid("signed_request is not base64url");
        }
    }

    private static JsonObject json(byte[] payload) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("signed_request's payload is not a JSON object");
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw invalid("signed_request's payload is not a JSON object");
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("The form body is not valid URL encoding");
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(400, detail);
    }
}
