package com.nextarget.server.error;

import jakarta.ws.rs.WebApplicationException;

/** An error whose message is written for the client: it becomes the response's {@code detail}. */
public class ProblemException extends WebApplicationException {

    public ProblemException(int status, String detail) {
        super(detail, ErrorResponses.of(status, detail).build());
    }
}
