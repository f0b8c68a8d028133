package com.nextarget.server.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything nobody caught: a 500 with a generic detail; the cause goes to the log, never to the client. */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        // the exception's class and place only: messages of driver or parser exceptions can quote request data
        LOG.log(Level.SEVERE, "Unexpected error: {0} at {1}",
                new Object[] {exception.getClass().getName(), firstFrame(exception)});
        return ErrorResponses.of(500, ErrorResponses.reason(500)).build();
    }

    private static String firstFrame(Throwable exception) {
        StackTraceElement[] trace = exception.getStackTrace();
        return trace.length == 0 ? "unknown" : trace[0].toString();
    }
}
