package com.nextarget.server.edge;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The contract's {@code {"detail"}} bodies for the answers made in the HTTP layer. The same reasons as the
 * application's {@code error.ErrorResponses}; kept apart because this code runs in the server, outside the WAR.
 */
final class EdgeAnswers {

    static final String CONTENT_TYPE = "application/json";
    static final String NOSNIFF_HEADER = "X-Content-Type-Options";

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad request"),
            Map.entry(405, "Method not allowed"),
            Map.entry(408, "Request timeout"),
            Map.entry(411, "Length required"),
            Map.entry(413, "Request too large"),
            Map.entry(414, "URI too long"),
            Map.entry(417, "Expectation failed"),
            Map.entry(431, "Request headers too large"),
            Map.entry(501, "Not implemented"),
            Map.entry(503, "The server is starting: try again in a moment"),
            Map.entry(505, "HTTP version not supported"));

    private static final Map<Integer, String> STATUS_LINES = Map.of(
            400, "Bad Request",
            414, "URI Too Long",
            431, "Request Header Fields Too Large",
            503, "Service Unavailable");

    private EdgeAnswers() {
    }

    static String reason(int status) {
        return REASONS.getOrDefault(status, status >= 500 ? "Server error" : "Request failed");
    }

    /** The standard reason phrase (RFC 9110) of a status the edge answers itself. */
    static String statusLine(int status) {
        return STATUS_LINES.getOrDefault(status, reason(status));
    }

    /** The reasons contain no character JSON must escape. */
    static byte[] body(int status) {
        return ("{\"detail\":\"" + reason(status) + "\"}").getBytes(StandardCharsets.US_ASCII);
    }
}
