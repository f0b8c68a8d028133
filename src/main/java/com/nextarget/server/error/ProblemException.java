package com.nextarget.server.error;

/**
 * An error whose message is written for the client: it becomes the response's {@code detail}, with this status
 * (see {@link ProblemMapper}). Independent of JAX-RS, so that the rules that raise it run and test anywhere.
 */
public class ProblemException extends RuntimeException {

    private final int status;

    public ProblemException(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
