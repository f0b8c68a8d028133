package com.nextarget.server.edge;

/**
 * Closed while the application deploys: until {@code launch.Launcher} sees the application running and opens it,
 * {@link RequestChecks} answers every request {@code 503 {"detail"}} with {@code Retry-After}, so that a platform
 * which forwards the waking request as soon as the port opens never hands a client one of Payara's own pages. (The
 * listener cannot simply stay disabled until then: re-enabled behind the edge's port unification, Payara maps no
 * application to it.) The launcher and the edge filters share this class through the server's class path.
 */
public final class BootGate {

    private static volatile boolean open;

    private BootGate() {
    }

    public static void open() {
        open = true;
    }

    static boolean isOpen() {
        return open;
    }
}
