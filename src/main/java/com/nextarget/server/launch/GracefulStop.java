package com.nextarget.server.launch;

import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.ObjectName;
import sun.misc.Signal;

/**
 * SIGTERM (what Render, Docker and systemd send to stop a server) without losing requests: new requests are
 * answered {@code 503 {"detail"}} while the ones in flight finish, for at most {@link #GRACE_MILLIS} (the
 * application's {@code lifecycle.InFlightRequests}, reached through JMX); then the port closes and the JVM exits,
 * which stops Payara Micro. Without this, Payara Micro's shutdown hook undeploys the application while the port
 * still accepts, and requests in flight or arriving get empty or HTML 500 and 503 answers.
 */
final class GracefulStop {

    static final long GRACE_MILLIS = 10_000;
    private static final Logger LOG = Logger.getLogger("nextarget");

    private GracefulStop() {
    }

    static void onSigterm(Runnable closePort) {
        Signal.handle(new Signal("TERM"), signal -> {
            LOG.info("NexTarget server stopping (SIGTERM): finishing the requests in flight");
            try {
                Object finished = ManagementFactory.getPlatformMBeanServer().invoke(
                        new ObjectName(PayaraMicroServer.IN_FLIGHT_REQUESTS), "drain",
                        new Object[] {GRACE_MILLIS}, new String[] {long.class.getName()});
                if (!Boolean.TRUE.equals(finished)) {
                    LOG.warning("NexTarget server stopping: requests still in flight after "
                            + GRACE_MILLIS / 1000 + " s are cut off");
                }
                closePort.run();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "NexTarget server stopping without draining: {0}", e.toString());
            }
            // Payara Micro's shutdown hook stops the server
            System.exit(0);
        });
    }
}
