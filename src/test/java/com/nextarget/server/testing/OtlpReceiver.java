package com.nextarget.server.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real OTLP/HTTP trace receiver (what an OpenTelemetry Collector offers at {@code /v1/traces}): it decodes each
 * export with the protocol's own classes and keeps the spans, with their service name, for tests to look at.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** A received span and the {@code service.name} of the resource that sent it. */
    public record ReceivedSpan(String service, Span span) {

        public String traceId() {
            return HexFormat.of().formatHex(span.getTraceId().toByteArray());
        }

        public String spanId() {
            return HexFormat.of().formatHex(span.getSpanId().toByteArray());
        }

        public String parentSpanId() {
            return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
        }

        public String attribute(String key) {
            return span.getAttributesList().stream().filter(attribute -> attribute.getKey().equals(key))
                    .map(attribute -> attribute.getValue().hasIntValue()
                            ? Long.toString(attribute.getValue().getIntValue()) : attribute.getValue().getStringValue())
                    .findFirst().orElse(null);
        }

        /** The response status; Payara's tracer exports it under the older semantic-convention name. */
        public String status() {
            String status = attribute("http.response.status_code");
            return status != null ? status : attribute("http.status_code");
        }

        @Override
        public String toString() {
            return service + " " + span;
        }
    }

    private final LoopbackServer server = LoopbackServer.start(0);
    private final List<ReceivedSpan> spans = new ArrayList<>();

    public OtlpReceiver() {
        server.route("/v1/traces", exchange -> {
            if (!"POST".equals(exchange.getRequestMethod())
                    || !"application/x-protobuf".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            try {
                received(ExportTraceServiceRequest.parseFrom(exchange.getRequestBody().readAllBytes()));
            } catch (InvalidProtocolBufferException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        });
    }

    /** The value for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
    public String endpoint() {
        return server.baseUrl();
    }

    private synchronized void received(ExportTraceServiceRequest request) {
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(attribute -> attribute.getKey().equals("service.name"))
                    .map(attribute -> attribute.getValue().getStringValue()).findFirst().orElse("");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                scope.getSpansList().forEach(span -> spans.add(new ReceivedSpan(service, span)));
            }
        }
        notifyAll();
    }

    /** Waits (up to 30 s) until {@code count} received spans match, and returns the matching spans. */
    public synchronized List<ReceivedSpan> await(Predicate<ReceivedSpan> matching, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            List<ReceivedSpan> found = spans.stream().filter(matching).toList();
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (found.size() >= count || left <= 0) {
                return found;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
