package com.nextarget.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.FakeGoogle;
import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.OperationsServer;
import com.nextarget.server.testing.RunningServer;
import com.nextarget.server.testing.ServerLog;
import com.nextarget.server.testing.Traceparent;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonLogsIT {

    private final RunningServer server = OperationsServer.server();

    @Test
    void everyLineTheServerWroteIsOneJsonObjectWithTimeLevelAndMessage() throws IOException {
        // a path the HTTP layer refuses: the edge's line (Grizzly's logger, not the application's) must be JSON too;
        // an error line's exception field is JsonLogFormatterTest's
        rawGet(server.port(), "/%zz");
        assertThat(Http.get(server.uri("/health")).statusCode()).isEqualTo(200);
        List<String> lines = server.log().lines().toList();
        assertThat(lines).hasSizeGreaterThan(20);
        for (String line : lines) {
            JsonObject json = ServerLog.parse(line);
            OffsetDateTime.parse(json.getString("time"));
            assertThat(json.getString("level")).isIn("error", "warn", "info", "debug", "trace");
            assertThat(json.getString("message")).isNotNull();
        }
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"logger\":\"PayaraMicro\"").contains("ready in"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"logger\":\"com.nextarget.server.edge.")
                .contains("Refused a request in the HTTP layer"));
        assertThat(String.join("\n", lines)).doesNotContain("\tat ").doesNotContain("\\tat ");
    }

    @Test
    void eachRequestLeavesOneAccessLineWithMethodPathStatusDurationAndTraceId() {
        Traceparent trace = Traceparent.random();
        String marker = UUID.randomUUID().toString();
        var response = Http.get(server.uri("/health?probe=" + marker), "traceparent", trace.header());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonObject> lines = ServerLog.awaitAccessLines(server,
                line -> trace.traceId().equals(line.getString("trace_id", null)));
        assertThat(lines).hasSize(1);
        JsonObject line = lines.get(0);
        assertThat(line.getString("method")).isEqualTo("GET");
        assertThat(line.getString("path")).isEqualTo("/health");
        assertThat(line.getInt("status")).isEqualTo(200);
        assertThat(line.get("duration_ms")).isInstanceOf(JsonNumber.class);
        assertThat(line.getJsonNumber("duration_ms").doubleValue()).isNotNegative();
        assertThat(server.log()).doesNotContain(marker);
    }

    @Test
    void aPathWithoutEndpointIsLoggedWithoutItsQuery() {
        String path = "/no-such-endpoint-" + UUID.randomUUID();
        Traceparent trace = Traceparent.random();
        assertThat(Http.get(server.uri(path + "?code=query-secret"), "traceparent", trace.header()).statusCode())
                .isEqualTo(404);
        JsonObject line = only(ServerLog.awaitAccessLines(server, l -> trace.traceId().equals(l.getString("trace_id"))));
        assertThat(line.getString("path")).isEqualTo(path);
        assertThat(line.getInt("status")).isEqualTo(404);
        assertThat(server.log()).doesNotContain("query-secret");
    }

    @Test
    void aRequestRefusedBeforeAnyResourceIsLoggedToo() {
        Traceparent trace = Traceparent.random();
        assertThat(Http.get(server.uri("/users/me"), "traceparent", trace.header()).statusCode()).isEqualTo(401);
        JsonObject line = only(ServerLog.awaitAccessLines(server, l -> trace.traceId().equals(l.getString("trace_id"))));
        assertThat(line.getString("path")).isEqualTo("/users/me");
        assertThat(line.getInt("status")).isEqualTo(401);
    }

    @Test
    void aRequestWithoutTraceparentGetsATraceIdOfItsOwn() {
        String path = "/no-such-endpoint-" + UUID.randomUUID();
        Http.get(server.uri(path));
        JsonObject line = only(ServerLog.awaitAccessLines(server, l -> path.equals(l.getString("path"))));
        assertThat(line.getString("trace_id")).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    }

    @Test
    void noTokenCodeOrEmailReachesTheLog() {
        String email = "ops-" + UUID.randomUUID() + "@example.com";
        RunningServer.google().enqueue(FakeGoogle.Login.as("ops-" + UUID.randomUUID()).email(email));
        Browser browser = new Browser();
        var callback = Logins.callbackUri(browser, server, "google");
        var answer = browser.get(callback);
        assertThat(answer.statusCode()).isEqualTo(200);
        String token = Logins.accessTokenOf(answer);
        assertThat(Http.withBearer(server.uri("/users/me"), token).statusCode()).isEqualTo(200);
        ServerLog.awaitAccessLines(server, l -> "/users/me".equals(l.getString("path")) && l.getInt("status") == 200);
        String code = Browser.query(callback).get("code");
        assertThat(server.log()).doesNotContain(token).doesNotContain(email).doesNotContain(code);
    }

    @Test
    void theTextFormatStaysReadableForAPersonWithoutALinePerRequest() {
        RunningServer text = RunningServer.shared();
        String path = "/text-format-probe-" + UUID.randomUUID();
        assertThat(Http.get(text.uri(path)).statusCode()).isEqualTo(404);
        assertThat(Http.get(text.uri("/health")).statusCode()).isEqualTo(200);
        assertThat(text.log().lines().filter(line -> line.contains("NexTarget server listening")))
                .isNotEmpty().allSatisfy(line -> assertThat(line).doesNotStartWith("{"));
        assertThat(text.log()).doesNotContain(path);
    }

    private static JsonObject only(List<JsonObject> lines) {
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    /** A request the JDK's HTTP client would refuse to send (a malformed percent-encoding). */
    private static void rawGet(int port, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            in.readAllBytes();
        }
    }
}
