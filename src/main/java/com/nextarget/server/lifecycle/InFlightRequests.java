package com.nextarget.server.lifecycle;

import com.nextarget.server.error.ErrorBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Counts the requests in flight and, once {@link #drain} is called (by the launcher's {@code GracefulStop} on
 * SIGTERM, through JMX: it lives in another class loader), answers every new request {@code 503 {"detail"}} with {@code Retry-After} and {@code Connection: close}
 * while those in flight finish. First filter of the chain (web.xml).
 */
public class InFlightRequests extends HttpFilter implements InFlightRequestsMXBean {

    public static final String OBJECT_NAME = "com.nextarget.server:type=InFlightRequests";
    private static final String STOPPING = new ErrorBody("The server is stopping; retry in a moment.").toJson();

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    @Override
    public void init() throws ServletException {
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(this, new ObjectName(OBJECT_NAME));
        } catch (JMException e) {
            throw new ServletException("cannot register " + OBJECT_NAME, e);
        }
    }

    @Override
    public void destroy() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(OBJECT_NAME));
        } catch (JMException e) {
            // not registered: nothing to undo
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // counted before the check: drain() then either sees this request in flight or this request sees draining
        inFlight.incrementAndGet();
        try {
            if (draining) {
                refuse(response);
            } else {
                chain.doFilter(request, response);
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "1");
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(STOPPING);
    }

    @Override
    public int getInFlight() {
        return inFlight.get();
    }

    @Override
    public boolean drain(long timeoutMillis) {
        draining = true;
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return inFlight.get() == 0;
    }
}
