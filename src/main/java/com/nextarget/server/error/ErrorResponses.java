package com.nextarget.server.error;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Builds the JSON error responses, with the standard reason for a status when there is no better one. */
public final class ErrorResponses {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad request"),
            Map.entry(401, "Not authenticated"),
            Map.entry(403, "Not allowed"),
            Map.entry(404, "Not found"),
            Map.entry(405, "Method not allowed"),
            Map.entry(406, "Not acceptable"),
            Map.entry(413, "Request too large"),
            Map.entry(415, "Unsupported media type"),
            Map.entry(429, "Too many requests"),
            Map.entry(500, "Internal server error"),
            Map.entry(502, "Identity provider failed"),
            Map.entry(503, "Service unavailable"),
            Map.entry(504, "Identity provider did not answer in time"));

    private ErrorResponses() {
    }

    public static String reason(int status) {
        return REASONS.getOrDefault(status, status >= 500 ? "Server error" : "Request failed");
    }

    public static Response.ResponseBuilder of(int status, String detail) {
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(detail).toJson());
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response;
    }
}
