package com.nextarget.server.launch;

import fish.payara.micro.ClusterCommandResult;
import fish.payara.micro.boot.AdminCommandRunner;
import fish.payara.micro.boot.PayaraMicroBoot;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Payara Micro, started from the launcher layout that {@code mvn package} prepares beside {@code nextarget.jar}
 * ({@code --outputlauncher}: Payara's jars on the class path, nothing unpacked at start). Until the application runs,
 * the edge's {@code BootGate} answers every request 503 JSON; on SIGTERM the listener is closed here.
 */
final class PayaraMicroServer {

    static final String APPLICATION = "ROOT";
    // registered by the application's lifecycle.InFlightRequests (another class loader: only its name is shared)
    static final String IN_FLIGHT_REQUESTS = "com.nextarget.server:type=InFlightRequests";
    private static final String HTTP_LISTENER_ENABLED =
            "configs.config.server-config.network-config.network-listeners.network-listener.http-listener.enabled=";
    private static final List<String> OPTIONS = List.of(
            // no data grid (the instance works alone), no outbound calls
            "--nohazelcast", "--disablephonehome",
            // 16 request threads are plenty for 2 cores; the default pool costs memory
            "--maxhttpthreads", "16");

    private final PayaraMicroBoot boot;
    private AdminCommandRunner commands;

    private PayaraMicroServer(PayaraMicroBoot boot) {
        this.boot = boot;
    }

    /** Boots Payara Micro and deploys the application (or fails to); returns once that is over. */
    static PayaraMicroServer start(Path runtime, Path instance, String port, String[] extraArgs) throws Exception {
        Class<?> impl = Class.forName("fish.payara.micro.impl.PayaraMicroImpl");
        PayaraMicroServer server = new PayaraMicroServer((PayaraMicroBoot) impl.getMethod("getInstance").invoke(null));
        // the only way Payara Micro hands out a command runner that also works after the boot
        server.boot.setPostBootHandler(runner -> server.commands = runner);
        List<String> args = new ArrayList<>(List.of(
                "--rootdir", instance.toString(),
                "--port", port,
                "--deploy", runtime.resolve(APPLICATION + ".war").toString(),
                "--prebootcommandfile", runtime.resolve("pre-boot-commands.txt").toString(),
                // Payara's own Jersey applications read these (no WADL), see src/main/payara/system.properties
                "--systemproperties", runtime.resolve("system.properties").toString()));
        args.addAll(OPTIONS);
        args.addAll(List.of(extraArgs));
        impl.getMethod("create", String[].class).invoke(null, (Object) args.toArray(String[]::new));
        return server;
    }

    /**
     * Deployed and started: Payara Micro lists an application that deployed but failed to start (a bad
     * DATABASE_URL), so this also looks for the MBean that the application's first filter registers when it starts.
     */
    boolean applicationRunning() {
        Collection<String> names = boot.getRuntime().getDeployedApplicationNames();
        try {
            return names != null && names.contains(APPLICATION)
                    && ManagementFactory.getPlatformMBeanServer().isRegistered(new ObjectName(IN_FLIGHT_REQUESTS));
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    void closeHttpListener() {
        run("set", HTTP_LISTENER_ENABLED + "false");
    }

    private void run(String command, String... args) {
        ClusterCommandResult result = commands.run(command, args);
        if (result.getExitStatus() == ClusterCommandResult.ExitStatus.FAILURE) {
            throw new IllegalStateException(command + " failed: " + result.getOutput());
        }
    }
}
