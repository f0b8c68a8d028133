package com.nextarget.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.OperationsServer;
import com.nextarget.server.testing.OtlpReceiver;
import com.nextarget.server.testing.OtlpReceiver.ReceivedSpan;
import com.nextarget.server.testing.RunningServer;
import com.nextarget.server.testing.ServerLog;
import com.nextarget.server.testing.Traceparent;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TracingIT {

    private final RunningServer server = OperationsServer.server();
    private final OtlpReceiver receiver = OperationsServer.receiver();

    @Test
    void aRequestWithTraceparentIsExportedAsAServerSpanThatContinuesTheCallersTrace() {
        Traceparent trace = Traceparent.random();
        assertThat(Http.get(server.uri("/health"), "traceparent", trace.header()).statusCode()).isEqualTo(200);
        List<ReceivedSpan> spans = receiver.await(span -> span.traceId().equals(trace.traceId()), 1);
        assertThat(spans).hasSize(1);
        ReceivedSpan span = spans.get(0);
        assertThat(span.service()).isEqualTo("nextarget");
        assertThat(span.span().getKind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
        assertThat(span.parentSpanId()).isEqualTo(trace.parentSpanId());
        assertThat(span.span().getName()).isEqualTo("GET /health");
        assertThat(span.attribute("http.route")).isEqualTo("/health");
        assertThat(span.status()).as("%s", span).isEqualTo("200");
    }

    @Test
    void aRequestWithoutTraceparentIsTracedUnderTheTraceIdItsLogLineCarries() {
        String path = "/no-such-endpoint-" + UUID.randomUUID();
        assertThat(Http.get(server.uri(path)).statusCode()).isEqualTo(404);
        String traceId = ServerLog.awaitAccessLines(server, line -> path.equals(line.getString("path")))
                .get(0).getString("trace_id");
        List<ReceivedSpan> spans = receiver.await(span -> span.traceId().equals(traceId), 1);
        assertThat(spans).singleElement().satisfies(span -> {
            assertThat(span.span().getName()).isEqualTo("GET unmatched");
            assertThat(span.span().getParentSpanId().isEmpty()).isTrue();
            assertThat(span.status()).isEqualTo("404");
        });
    }

    @Test
    void aRequestAnsweredByTheAuthenticationRouterIsASpanToo() {
        Traceparent trace = Traceparent.random();
        assertThat(Http.get(server.uri("/users/me"), "traceparent", trace.header()).statusCode()).isEqualTo(401);
        assertThat(receiver.await(span -> span.traceId().equals(trace.traceId()), 1)).singleElement()
                .satisfies(span -> {
                    assertThat(span.span().getName()).isEqualTo("GET /users/me");
                    assertThat(span.status()).isEqualTo("401");
                });
    }

    @Test
    void eachCallToTheProviderIsAClientSpanUnderTheCallbacksSpan() {
        Browser browser = new Browser();
        var callback = Logins.callbackUri(browser, server, "google");
        Traceparent trace = Traceparent.random();
        var answer = browser.send(HttpRequest.newBuilder(callback).header("traceparent", trace.header())
                .timeout(Duration.ofSeconds(30)).build());
        assertThat(answer.statusCode()).isEqualTo(200);

        ReceivedSpan callbackSpan = receiver.await(span -> span.traceId().equals(trace.traceId())
                && span.span().getKind() == SpanKind.SPAN_KIND_SERVER, 1).get(0);
        assertThat(callbackSpan.span().getName()).isEqualTo("GET /auth/google/callback");
        assertThat(callbackSpan.parentSpanId()).isEqualTo(trace.parentSpanId());
        List<ReceivedSpan> calls = receiver.await(span -> span.traceId().equals(trace.traceId())
                && span.span().getKind() == SpanKind.SPAN_KIND_CLIENT, 1);
        assertThat(calls).isNotEmpty().allSatisfy(call -> {
            assertThat(call.parentSpanId()).isEqualTo(callbackSpan.spanId());
            assertThat(call.attribute("peer.service")).isEqualTo("Google");
            assertThat(call.attribute("server.address")).isEqualTo("127.0.0.1");
            assertThat(call.attribute("url.path")).doesNotContain("?");
        });
        assertThat(calls).anySatisfy(call -> assertThat(call.span().getName()).isEqualTo("POST Google"));
    }
}
