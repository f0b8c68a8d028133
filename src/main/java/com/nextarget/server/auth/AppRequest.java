package com.nextarget.server.auth;

import com.nextarget.server.error.ProblemException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parameters an app adds to {@code /start} (RFC 8252 with PKCE, RFC 7636): where to send the one-time code,
 * the S256 challenge it will be bound to, and the app's own {@code state}, returned untouched. {@code client_id} and
 * {@code scope} are what AppAuth and its kin always send; they are accepted and ignored.
 */
public record AppRequest(String redirectUri, String codeChallenge, String state) {

    // RFC 7636 4.2: BASE64URL(SHA256(verifier)) is 43 characters
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int MAX_STATE = 1024;

    /** Null when the request carries no {@code redirect_uri}: a browser sign-in as in part one. */
    public static AppRequest from(MultivaluedMap<String, String> query, AppSettings settings) {
        String redirectUri = single(query, "redirect_uri");
        if (redirectUri == null) {
            return null;
        }
        // exact string comparison, and no redirect of any kind on a miss: never an open redirector (RFC 6749 10.15)
        if (!settings.allows(redirectUri)) {
            throw new ProblemException(400, "redirect_uri is not one of this server's registered app redirect URIs");
        }
        String responseType = single(query, "response_type");
        if (responseType != null && !responseType.equals("code")) {
            throw new ProblemException(400, "response_type must be code");
        }
        if (!"S256".equals(single(query, "code_challenge_method"))) {
            throw new ProblemException(400, "code_challenge_method must be S256");
        }
        String challenge = single(query, "code_challenge");
        if (challenge == null || !CHALLENGE.matcher(challenge).matches()) {
            throw new ProblemException(400, "code_challenge must be 43 base64url characters (S256 of the verifier)");
        }
        String state = single(query, "state");
        if (state != null && state.length() > MAX_STATE) {
            throw new ProblemException(400, "state is longer than " + MAX_STATE + " characters");
        }
        return new AppRequest(redirectUri, challenge, state);
    }

    private static String single(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new ProblemException(400, name + " is repeated");
        }
        String value = values.get(0);
        return value.isEmpty() ? null : value;
    }
}
