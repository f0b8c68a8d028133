package com.nextarget.server.ops;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/**
 * One HTTP request from the moment the application first sees it (the authentication router) to its answer.
 *
 * @param endpoint the endpoint template, or {@link RouteTemplates#UNMATCHED}
 * @param context the request's server span on top of the caller's trace context, current while the request runs
 * @param traceId the W3C trace id that the access log line carries: the span's, the caller's, or a fresh one
 */
public record ServedRequest(long startNanos, String method, String path, String endpoint, Span span, Context context,
                     String traceId) {

    static final String ATTRIBUTE = ServedRequest.class.getName();
    static final String FINISHED = ServedRequest.class.getName() + ".finished";
}
