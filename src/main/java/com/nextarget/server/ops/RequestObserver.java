package com.nextarget.server.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every request leaves behind: a server span, a duration in the request histogram, and with
 * {@code LOG_FORMAT=json} one access log line (method, endpoint template or path without query, status, duration,
 * trace id). A request begins where the
 * application first sees it, in the authentication router, and ends either there (when the router answers it
 * itself: a 401, a 429, the redirect to Google) or in {@link RequestObservationFilter} after the servlet chain.
 */
@ApplicationScoped
public class RequestObserver {

    private static final Logger ACCESS = Logger.getLogger("nextarget.access");

    @Inject
    Tracing tracing;

    @Inject
    Metrics metrics;

    // a person at a terminal reads start-up and errors; one line per request is for log search (LOG_FORMAT=json)
    @Inject
    @ConfigProperty(name = "LOG_FORMAT", defaultValue = "text")
    String logFormat;

    private volatile RouteTemplates routes = RouteTemplates.none();

    void routes(RouteTemplates templates) {
        routes = templates;
    }

    /** The request's observation, begun now unless it already was. */
    public ServedRequest begin(HttpServletRequest request) {
        if (request.getAttribute(ServedRequest.ATTRIBUTE) instanceof ServedRequest served) {
            return served;
        }
        long start = System.nanoTime();
        String path = pathOf(request);
        String method = RouteTemplates.method(request.getMethod());
        ServedRequest served = tracing.begin(request, start, method, path, routes.of(path));
        request.setAttribute(ServedRequest.ATTRIBUTE, served);
        return served;
    }

    /** Records the request's answer, once. */
    public void finish(HttpServletRequest request, int status) {
        if (!(request.getAttribute(ServedRequest.ATTRIBUTE) instanceof ServedRequest served)
                || request.getAttribute(ServedRequest.FINISHED) != null) {
            return;
        }
        request.setAttribute(ServedRequest.FINISHED, Boolean.TRUE);
        long nanos = System.nanoTime() - served.startNanos();
        tracing.end(served, status);
        metrics.requestServed(served.method(), served.endpoint(), status, nanos / 1e9);
        if ("json".equalsIgnoreCase(logFormat.strip()) && ACCESS.isLoggable(Level.INFO)) {
            ACCESS.log(accessLine(served, status, nanos));
        }
    }

    private static LogRecord accessLine(ServedRequest served, int status, long nanos) {
        double millis = Math.round(nanos / 10_000.0) / 100.0;
        String shown = RouteTemplates.UNMATCHED.equals(served.endpoint()) ? served.path() : served.endpoint();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", served.method());
        fields.put("path", shown);
        fields.put("status", status);
        fields.put("duration_ms", millis);
        fields.put("trace_id", served.traceId());
        LogRecord line = new LogRecord(Level.INFO,
                served.method() + " " + shown + " " + status + " " + millis + " ms trace_id=" + served.traceId());
        line.setLoggerName(ACCESS.getName());
        // named here, or a formatter that shows the source walks the stack to find it, on every request
        line.setSourceClassName(RequestObserver.class.getName());
        line.setSourceMethodName("finish");
        line.setParameters(new Object[] {fields});
        return line;
    }

    /** The decoded, normalised path the container maps, cut short: it is logged, and a client chooses it. */
    private static String pathOf(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        String path = request.getServletPath() + (pathInfo == null ? "" : pathInfo);
        return path.length() > 200 ? path.substring(0, 200) : path;
    }
}
