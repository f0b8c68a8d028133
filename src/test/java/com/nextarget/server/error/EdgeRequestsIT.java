package com.nextarget.server.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.RawHttp;
import com.nextarget.server.testing.RunningServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests a hostile or sloppy client sends, which the HTTP layer answers before the application (issue 18's table,
 * one test per row): each gets the contract's JSON with a fitting status, and the log gets at most one line for it,
 * at INFO, never a stack trace.
 */
class EdgeRequestsIT {

    private static final String CLOSE = "Connection: close\n";
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static int logAtStart;

    private final RunningServer server = RunningServer.shared();

    @Test
    void bearerTokenWithNonAsciiBytesIsAJson400() {
        byte[] request = ("GET /users/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ").getBytes(StandardCharsets.ISO_8859_1);
        byte[] rest = (".garbage\r\n" + CLOSE.replace("\n", "\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] whole = new byte[request.length + 2 + rest.length];
        System.arraycopy(request, 0, whole, 0, request.length);
        whole[request.length] = (byte) 0xe9;
        whole[request.length + 1] = (byte) 0xff;
        System.arraycopy(rest, 0, whole, request.length + 2, rest.length);
        assertJsonError(() -> RawHttp.send(server, whole), 400, "Bad request");
    }

    @Test
    void getWithABodyIsAJson400() {
        assertJsonError(() -> RawHttp.send(server, "GET /health HTTP/1.1\nHost: x\nContent-Length: 5\n" + CLOSE,
                "hello".getBytes(StandardCharsets.US_ASCII)), 400, "Bad request");
    }

    @Test
    void acceptWithAnUnknownCharsetIsAJson406() {
        assertJsonError(() -> RawHttp.send(server,
                "GET /health HTTP/1.1\nHost: x\nAccept: application/json; charset=ebcdic\n" + CLOSE), 406, "Not acceptable");
    }

    @Test
    void traceIsAJson405ThatEchoesNothing() {
        var response = assertJsonError(() -> RawHttp.send(server,
                "TRACE /health HTTP/1.1\nHost: x\nCookie: secret-cookie-value\n" + CLOSE), 405, "Method not allowed");
        assertThat(response.header("Allow")).contains("GET").doesNotContain("TRACE");
        assertThat(response.raw()).doesNotContain("secret-cookie-value");
    }

    @Test
    void pathWithABrokenPercentEncodingIsAJson400() {
        assertJsonError(() -> RawHttp.send(server, "GET /%zz HTTP/1.1\nHost: x\n" + CLOSE), 400, "Bad request");
    }

    @Test
    void pathWithAnEncodedNulIsAJson400() {
        assertJsonError(() -> RawHttp.send(server, "GET /health%00.json HTTP/1.1\nHost: x\n" + CLOSE), 400, "Bad request");
    }

    @Test
    void pathWithAnEncodedDotDotIsAJson400() {
        assertJsonError(() -> RawHttp.send(server, "GET /docs/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\nHost: x\n" + CLOSE),
                400, "Bad request");
    }

    @Test
    void docsPageSaysNosniff() {
        var response = RawHttp.send(server, "GET /docs HTTP/1.1\nHost: x\n" + CLOSE);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void queryStringOf16KibIsServed() {
        var response = RawHttp.send(server, "GET /health?q=" + "a".repeat(16 * 1024) + " HTTP/1.1\nHost: x\n" + CLOSE);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void hundredExtraHeadersAndA16KibCookieAreServed() {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            headers.append("X-Extra-").append(i).append(": value\n");
        }
        var response = RawHttp.send(server, "GET /health HTTP/1.1\nHost: x\n" + headers
                + "Cookie: c=" + "b".repeat(16 * 1024) + "\n" + CLOSE);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void urlOver24KibIsAJson414() {
        assertJsonError(() -> RawHttp.send(server, "GET /health?q=" + "a".repeat(30 * 1024) + " HTTP/1.1\nHost: x\n" + CLOSE),
                414, "URI too long");
    }

    @Test
    void headersOver24KibAreAJson431() {
        assertJsonError(() -> RawHttp.send(server, "GET /health HTTP/1.1\nHost: x\nCookie: c=" + "b".repeat(30 * 1024)
                + "\n" + CLOSE), 431, "Request headers too large");
    }

    @Test
    void moreThan200HeadersAreAJson431() {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            headers.append("X-Extra-").append(i).append(": value\n");
        }
        assertJsonError(() -> RawHttp.send(server, "GET /health HTTP/1.1\nHost: x\n" + headers + CLOSE),
                431, "Request headers too large");
    }

    @Test
    void headersBeyondTheParsersLimitAreAJson400() {
        assertJsonError(() -> RawHttp.send(server, "GET /health HTTP/1.1\nHost: x\nCookie: c=" + "b".repeat(70 * 1024)
                + "\n" + CLOSE), 400, "Bad request");
    }

    @Test
    void contentLengthWithTransferEncodingIsAJson400() {
        assertJsonError(() -> RawHttp.send(server,
                "POST /health HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\nContent-Length: 3\n" + CLOSE,
                "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), 400, "Bad request");
    }

    @Test
    void brokenChunkIsAJson400() {
        assertJsonError(() -> RawHttp.send(server, "POST /health HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n" + CLOSE,
                "zz\r\nhello\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), 400, "Bad request");
    }

    @Test
    void twoDifferentContentLengthsAreAJson400() {
        assertJsonError(() -> RawHttp.send(server,
                "POST /health HTTP/1.1\nHost: x\nContent-Length: 5\nContent-Length: 6\n" + CLOSE,
                "hello!".getBytes(StandardCharsets.US_ASCII)), 400, "Bad request");
    }

    @Test
    void unknownHttpVersionIsAJson505() {
        assertJsonError(() -> RawHttp.send(server, "GET /health HTTP/9.9\nHost: x\n" + CLOSE),
                505, "HTTP version not supported");
    }

    @Test
    void requestWithoutHostIsAJson400() {
        assertJsonError(() -> RawHttp.send(server, "GET /health HTTP/1.1\n" + CLOSE), 400, "Bad request");
    }

    @Test
    void callbacksCarryingForwardedHeadersAllSucceed() throws Exception {
        int logBefore = server.log().length();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                statuses.add(pool.submit(() -> {
                    Browser browser = new Browser();
                    URI callback = Logins.callbackUri(browser, server, "google");
                    return browser.send(HttpRequest.newBuilder(callback)
                            .header("X-Forwarded-For", "203.0.113.7")
                            .header("X-Forwarded-Proto", "https")
                            .header("X-Forwarded-Host", "api.example.test")
                            .GET().build()).statusCode();
                }));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.log().substring(logBefore)).doesNotContain("SEVERE").doesNotContain("\tat ");
    }

    private RawHttp.Response assertJsonError(Supplier<RawHttp.Response> request, int status, String detail) {
        int logBefore = server.log().length();
        RawHttp.Response response = request.get();
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.body()).isEqualTo("{\"detail\":\"" + detail + "\"}");
        assertThat(response.raw().toLowerCase()).doesNotContain("payara").doesNotContain("grizzly")
                .doesNotContain("glassfish").doesNotContain("jersey");
        assertThat(response.header("Server")).isNull();
        REFUSED.incrementAndGet();
        assertNoServerFaultIn(server.log().substring(logBefore));
        return response;
    }

    /**
     * Grizzly may log a refusal just after it answered: each test checks what the log holds by then, and the class
     * checks the whole log of its requests at the end, once every line has had the time of the remaining tests.
     */
    @AfterAll
    static void theLogHoldsAtMostOneInfoLinePerRefusalAndNoStackTrace() {
        String log = RunningServer.shared().log().substring(logAtStart);
        assertNoServerFaultIn(log);
        assertThat(log.split("\nINFO: Refused", -1).length - 1).as(log).isLessThanOrEqualTo(REFUSED.get());
    }

    @BeforeAll
    static void markTheLog() {
        logAtStart = RunningServer.shared().log().length();
    }

    private static void assertNoServerFaultIn(String log) {
        assertThat(log).doesNotContain("SEVERE").doesNotContain("WARNING").doesNotContain("\tat ")
                .doesNotContain("Exception");
    }
}
