package com.nextarget.server.config;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code OPTIONS} outside a CORS preflight (which {@link CorsFilter} answers) gets {@code 204} with the
 * {@code Allow} header, as RFC 9110 9.3.7 describes, instead of the framework's text listing of the same methods.
 */
@Provider
public class OptionsAnswer implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && response.getStatus() == 200
                && response.getHeaders().containsKey(HttpHeaders.ALLOW)) {
            response.setStatus(204);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }
}
