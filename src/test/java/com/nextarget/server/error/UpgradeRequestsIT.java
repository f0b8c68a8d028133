package com.nextarget.server.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.RawHttp;
import com.nextarget.server.testing.RunningServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Requests that ask to switch protocols ({@code Upgrade}) are served as the HTTP/1.1 requests they also are, body
 * included (RFC 9110 7.8): the server offers no other protocol. Such a body used to be read as raw bytes of the new
 * protocol that never end, so the token endpoint waited for it until the client gave up (RawHttp gives up after
 * 30 s and fails the test).
 */
class UpgradeRequestsIT {

    private static final String FORM = "Content-Type: application/x-www-form-urlencoded\n";
    private static final byte[] REFRESH =
            "grant_type=refresh_token&refresh_token=abc".getBytes(StandardCharsets.US_ASCII);

    private final RunningServer server = RunningServer.shared();

    @Test
    void postWithAnUnknownUpgradeGetsTheTokenEndpointsAnswer() {
        var response = RawHttp.send(server, "POST /auth/token HTTP/1.1\nHost: x\nUpgrade: foo\nConnection: close\n"
                + FORM + "Content-Length: " + REFRESH.length + "\n", REFRESH);
        assertInvalidGrant(response);
    }

    @Test
    void postAskingForCleartextHttp2GetsTheTokenEndpointsAnswerInHttp11() {
        // what curl --http2 and the JDK's HttpClient send on the first request of a connection
        var response = RawHttp.send(server, "POST /auth/token HTTP/1.1\nHost: x\nConnection: Upgrade, HTTP2-Settings\n"
                + "Upgrade: h2c\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\n" + FORM
                + "Content-Length: " + REFRESH.length + "\n", REFRESH);
        assertThat(response.raw()).startsWith("HTTP/1.1 400 ");
        assertInvalidGrant(response);
    }

    @Test
    void chunkedPostWithAnUpgradeGetsTheTokenEndpointsAnswer() {
        byte[] chunked = ("2a\r\n" + new String(REFRESH, StandardCharsets.US_ASCII) + "\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        var response = RawHttp.send(server, "POST /auth/token HTTP/1.1\nHost: x\nUpgrade: h2c\nConnection: close\n"
                + FORM + "Transfer-Encoding: chunked\n", chunked);
        assertInvalidGrant(response);
    }

    @Test
    void bodyOfAnUpgradeRequestEndsWhereItsLengthSaysAndTheConnectionServesTheNextRequest() {
        byte[] revoke = "token=abc".getBytes(StandardCharsets.US_ASCII);
        String next = "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        byte[] both = (new String(revoke, StandardCharsets.US_ASCII) + next).getBytes(StandardCharsets.US_ASCII);
        var response = RawHttp.send(server, "POST /auth/revoke HTTP/1.1\nHost: x\nUpgrade: foo\nConnection: Upgrade\n"
                + FORM + "Content-Length: " + revoke.length + "\n", both);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw()).doesNotContain("101 Switching").contains("{\"status\":\"ok\"}");
        assertThat(response.raw().split("HTTP/1.1 200 ", -1)).hasSize(3);
    }

    @Test
    void getWithAnUpgradeIsServed() {
        // Grizzly closes only on a Connection header that is exactly "close", not on "Upgrade, close"
        var response = RawHttp.send(server, "GET /health HTTP/1.1\nHost: x\nUpgrade: websocket\nConnection: close\n");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    private static void assertInvalidGrant(RawHttp.Response response) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.body()).contains("\"error\":\"invalid_grant\"");
    }
}
