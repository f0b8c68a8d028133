package com.nextarget.server.ops;

import io.opentelemetry.context.Scope;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Ends the observation of every request that the authentication router let through (see {@link RequestObserver}). */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestObservationFilter extends HttpFilter {

    @Inject
    RequestObserver observer;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ServedRequest served = observer.begin(request);
        boolean completed = false;
        try (Scope scope = served.context().makeCurrent()) {
            chain.doFilter(request, response);
            completed = true;
        } finally {
            // an exception escaping the chain becomes the container's 500
            observer.finish(request, completed ? response.getStatus() : HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        }
    }
}
