package com.nextarget.server.ops;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Spans for requests and for calls to the identity providers, through the OpenTelemetry API of MicroProfile
 * Telemetry. When {@code OTEL_EXPORTER_OTLP_ENDPOINT} is unset the SDK is disabled ({@link TelemetryConfigSource})
 * and the tracer makes no spans, but the caller's {@code traceparent} is still read, so that logs carry its trace id.
 */
@ApplicationScoped
public class Tracing {

    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> SERVER = AttributeKey.stringKey("server.address");
    static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> PEER = AttributeKey.stringKey("peer.service");

    private static final TextMapGetter<HttpServletRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServletRequest request) {
            return Collections.list(request.getHeaderNames());
        }

        @Override
        public String get(HttpServletRequest request, String name) {
            return request == null ? null : request.getHeader(name);
        }
    };

    @Inject
    Tracer tracer;

    // without an exporter, spans would be made and dropped on every request
    @Inject
    @ConfigProperty(name = "otel.sdk.disabled", defaultValue = "true")
    boolean disabled;

    /** The server span of a request, a child of the caller's {@code traceparent} when it sent a valid one. */
    ServedRequest begin(HttpServletRequest request, long startNanos, String method, String path, String endpoint) {
        Context caller = W3CTraceContextPropagator.getInstance().extract(Context.root(), request, HEADERS);
        if (disabled) {
            Span callers = Span.fromContext(caller);
            String traceId = callers.getSpanContext().isValid() ? callers.getSpanContext().getTraceId() : freshTraceId();
            return new ServedRequest(startNanos, method, path, endpoint, callers, caller, traceId);
        }
        Span span = tracer.spanBuilder(method + " " + endpoint)
                .setParent(caller)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute(METHOD, method)
                .setAttribute(ROUTE, endpoint)
                .startSpan();
        String traceId = span.getSpanContext().isValid() ? span.getSpanContext().getTraceId() : freshTraceId();
        return new ServedRequest(startNanos, method, path, endpoint, span, caller.with(span), traceId);
    }

    void end(ServedRequest served, int status) {
        if (disabled) {
            return;
        }
        served.span().setAttribute(STATUS, (long) status);
        if (status >= 500) {
            served.span().setStatus(StatusCode.ERROR);
        }
        served.span().end();
    }

    /** A client span for one call to a provider, a child of the current request's span; the caller ends it. */
    public Span providerCall(String providerName, HttpRequest request) {
        if (disabled) {
            return Span.getInvalid();
        }
        URI uri = request.uri();
        return tracer.spanBuilder(request.method() + " " + providerName)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(METHOD, request.method())
                .setAttribute(SERVER, uri.getHost())
                // the path only: query strings carry tokens and proofs
                .setAttribute(URL_PATH, uri.getPath())
                .setAttribute(PEER, providerName)
                .startSpan();
    }

    public static void answered(Span span, int status) {
        span.setAttribute(STATUS, (long) status);
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
    }

    public static void failed(Span span, String reason) {
        span.setStatus(StatusCode.ERROR, reason);
    }

    private static String freshTraceId() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        id[0] |= 1;
        return HexFormat.of().formatHex(id);
    }
}
