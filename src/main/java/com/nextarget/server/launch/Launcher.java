package com.nextarget.server.launch;

import com.nextarget.server.config.DotEnvFile;
import com.nextarget.server.edge.BootGate;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Main class of {@code nextarget.jar}. It picks {@code PORT} (environment, then {@code .env}, then 8000), makes a
 * fresh {@link InstanceDirectory}, starts Payara Micro from the launcher layout in {@code nextarget-runtime/} beside
 * the jar, and opens the HTTP port only once the application has deployed. When the deployment fails it exits
 * (status 1) instead of leaving Payara Micro answering 404 forever, so that a platform restarts it and its log says
 * why. SIGTERM stops it gracefully ({@link GracefulStop}). Every other setting is read by the application through
 * MicroProfile Config.
 *
 * <p>With the system property {@value #EXIT_WHEN_READY} set to {@code true} it exits (status 0) as soon as the
 * application answers: that is the training start which writes the class-data archive ({@code
 * -XX:ArchiveClassesAtExit}) that later starts map instead of loading and verifying Payara's classes again.
 */
public final class Launcher {

    static final String EXIT_WHEN_READY = "nextarget.exitWhenReady";
    static final String RUNTIME_DIRECTORY = "nextarget-runtime";
    private static final Logger LOG = Logger.getLogger("nextarget");
    private static final List<String> TRAINING_PATHS =
            List.of("/users/me", "/.well-known/jwks.json", "/openapi", "/docs", "/no-such-path");

    private Launcher() {
    }

    private static final Duration LISTENER_OPENING = Duration.ofSeconds(15);

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        String port = port();
        Path runtime = runtimeDirectory();
        useBootProperties(runtime);
        useJreTrustStore();
        InstanceDirectory instance = InstanceDirectory.createFrom(runtime.resolve("config"));
        instance.deleteOnExit();
        List<String> payaraArgs = new ArrayList<>(LogFormat.configure(runtime));
        payaraArgs.addAll(List.of(args));
        PayaraMicroServer payara = PayaraMicroServer.start(runtime, instance.path(), port,
                payaraArgs.toArray(String[]::new));
        if (List.of(args).contains("--help")) {
            return;
        }
        if (!payara.applicationRunning()) {
            exit(1, "NexTarget server: the application did not deploy (see the log above); exiting");
        }
        GracefulStop.onSigterm(payara::closeHttpListener);
        BootGate.open();
        int health = firstAnswer(port);
        if (health != 200) {
            exit(1, "NexTarget server: the application does not answer on port " + port + " (/health: "
                    + (health == -1 ? "no answer" : "HTTP " + health) + "); exiting");
        }
        LOG.info(() -> String.format("NexTarget server ready: http://0.0.0.0:%s answers (started in %.1f s)",
                port, (System.nanoTime() - started) / 1e9));
        if (Boolean.getBoolean(EXIT_WHEN_READY)) {
            // the first requests of a woken instance then find their classes in the archive too
            for (String path : TRAINING_PATHS) {
                get(port, path);
            }
            exit(0, "NexTarget server: the application answers; exiting as " + EXIT_WHEN_READY + " asks");
        }
    }

    /** Payara Micro's shutdown hook stops the server; the instance directory's hook then deletes the directory. */
    private static void exit(int status, String message) {
        (status == 0 ? System.out : System.err).println(message);
        System.exit(status);
    }

    /** nextarget-runtime/ beside the jar this class was loaded from. */
    private static Path runtimeDirectory() throws Exception {
        Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path runtime = jar.resolveSibling(RUNTIME_DIRECTORY);
        if (!Files.isRegularFile(runtime.resolve("launch-micro.jar"))) {
            throw new IllegalStateException(runtime + " is missing or incomplete: build it with mvn package");
        }
        return runtime;
    }

    /** What Payara Micro's own launcher would set before the server starts (it keeps values already set). */
    private static void useBootProperties(Path runtime) throws IOException {
        Properties boot = new Properties();
        try (InputStream in = Files.newInputStream(runtime.resolve("payara-boot.properties"))) {
            boot.load(in);
        }
        boot.stringPropertyNames().forEach(key -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, boot.getProperty(key));
            }
        });
        System.setProperty("fish.payara.micro.BootJar", runtime.resolve("launch-micro.jar").toUri().toString());
        System.setProperty("fish.payara.micro.UnpackDir", runtime.toString());
    }

    /**
     * Payara Micro points {@code javax.net.ssl.trustStore} at the trust store it bundles, as old as the release, with
     * expired certificates it logs in full at every start; the JRE's own is kept current by JDK updates.
     */
    private static void useJreTrustStore() {
        if (System.getProperty("javax.net.ssl.trustStore") == null) {
            System.setProperty("javax.net.ssl.trustStore",
                    Path.of(System.getProperty("java.home"), "lib", "security", "cacerts").toString());
        }
    }

    /**
     * The status of the first answer to {@code /health}. Payara applies the listener's new setting on another thread
     * (behind the edge's port unification the bind takes a moment longer), so a refused connection is tried again.
     */
    private static int firstAnswer(String port) throws InterruptedException {
        long deadline = System.nanoTime() + LISTENER_OPENING.toNanos();
        int status = get(port, "/health");
        while (status == -1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = get(port, "/health");
        }
        return status;
    }

    /** The status of a GET on this server, or -1 when there is no answer. */
    private static int get(String port, String path) {
        try {
            return HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static String port() {
        String port = System.getenv("PORT");
        if (port == null || port.isBlank()) {
            port = DotEnvFile.readWorkingDirectory().getOrDefault("PORT", "8000");
        }
        int number = Integer.parseInt(port.strip());
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("PORT must be between 1 and 65535");
        }
        return Integer.toString(number);
    }
}
