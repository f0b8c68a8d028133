package com.nextarget.server.lifecycle;

/** What the launcher's {@code GracefulStop} may ask of {@link InFlightRequests}, through JMX. */
public interface InFlightRequestsMXBean {

    int getInFlight();

    /** Refuses new requests from now on and waits for those in flight; true when none is left. */
    boolean drain(long timeoutMillis);
}
