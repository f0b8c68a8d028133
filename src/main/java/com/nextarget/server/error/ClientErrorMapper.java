package com.nextarget.server.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every {@link WebApplicationException} (404 and 405 from routing, the application's own 4xx/5xx) becomes
 * {@code {"detail"}} with the same status and headers. The message is shown only when the application wrote
 * it ({@link ProblemException}); the framework's own messages are replaced by the standard reason.
 */
@Provider
public class ClientErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        String detail = exception instanceof ProblemException ? exception.getMessage() : ErrorResponses.reason(status);
        Response.ResponseBuilder response = ErrorResponses.of(status, detail);
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }
}
