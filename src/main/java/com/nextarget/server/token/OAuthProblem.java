package com.nextarget.server.token;

/**
 * A refusal at an OAuth endpoint: answered as {@code {"error": "<RFC 6749 5.2 code>", "detail": "..."}} so that OAuth
 * client libraries read the code and everybody else reads the reason.
 */
public class OAuthProblem extends RuntimeException {

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INVALID_GRANT = "invalid_grant";
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";

    private final String error;

    public OAuthProblem(String error, String detail) {
        super(detail, null, false, false);
        this.error = error;
    }

    public static OAuthProblem invalidGrant(String detail) {
        return new OAuthProblem(INVALID_GRANT, detail);
    }

    public static OAuthProblem invalidRequest(String detail) {
        return new OAuthProblem(INVALID_REQUEST, detail);
    }

    public String error() {
        return error;
    }
}
