package com.nextarget.server.launch;

import com.nextarget.server.config.DotEnvFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Main class of {@code nextarget.jar}. Payara Micro cannot take its HTTP port from an environment variable with a
 * default, so this picks {@code PORT} (environment, then {@code .env}, then 8000) and hands over to Payara Micro's
 * own entry point. Payara Micro keeps running when the application fails to deploy, answering 404 forever; this
 * checks the application's {@code /health} once Payara Micro is up and exits instead, so that a platform restarts it
 * and its log says why. Every other setting is read by the application through MicroProfile Config.
 *
 * <p>With the system property {@value #EXIT_WHEN_READY} set to {@code true} it exits (status 0) as soon as the
 * application answers: that is the training start which writes the class-data archive ({@code
 * -XX:ArchiveClassesAtExit}) that later starts map instead of loading and verifying Payara's classes again.
 */
public final class Launcher {

    static final String EXIT_WHEN_READY = "nextarget.exitWhenReady";
    private static final List<String> TRAINING_PATHS =
            List.of("/users/me", "/.well-known/jwks.json", "/openapi", "/docs", "/no-such-path");

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        String port = port();
        List<String> payaraArgs = new ArrayList<>(List.of("--port", port));
        payaraArgs.addAll(LogFormat.configure());
        payaraArgs.addAll(List.of(args));
        // returns once the server has booted and deployed the application (or failed to)
        Class.forName("fish.payara.micro.PayaraMicro")
                .getMethod("main", String[].class)
                .invoke(null, (Object) payaraArgs.toArray(String[]::new));
        if (!payaraArgs.contains("--help") && !applicationAnswers(port)) {
            System.err.println("NexTarget server: the application did not deploy (see the log above); exiting");
            System.exit(1);
        }
        if (Boolean.getBoolean(EXIT_WHEN_READY)) {
            // the first requests of a woken instance then find their classes in the archive too
            for (String path : TRAINING_PATHS) {
                get(port, path);
            }
            System.out.println("NexTarget server: the application answers; exiting as " + EXIT_WHEN_READY + " asks");
            System.exit(0);
        }
    }

    private static boolean applicationAnswers(String port) {
        return get(port, "/health") == 200;
    }

    /** The status of a GET on this server, or -1 when there is no answer. */
    private static int get(String port, String path) {
        try {
            return HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
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
