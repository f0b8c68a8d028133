package com.nextarget.server.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every {@link WebApplicationException} (404 and 405 from routing, 400 from a malformed parameter) becomes
 * {@code {"detail"}} with the same status and headers, and the standard reason: the framework's own messages can
 * quote the request or name the framework.
 */
@Provider
public class ClientErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        Response.ResponseBuilder response = ErrorResponses.of(status, ErrorResponses.reason(status));
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }
}
