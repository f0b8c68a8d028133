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
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        String port = port();
        List<String> payaraArgs = new ArrayList<>(List.of("--port", port));
        payaraArgs.addAll(List.of(args));
        // returns once the server has booted and deployed the application (or failed to)
        Class.forName("fish.payara.micro.PayaraMicro")
                .getMethod("main", String[].class)
                .invoke(null, (Object) payaraArgs.toArray(String[]::new));
        if (!payaraArgs.contains("--help") && !applicationAnswers(port)) {
            System.err.println("NexTarget server: the application did not deploy (see the log above); exiting");
            System.exit(1);
        }
    }

    private static boolean applicationAnswers(String port) {
        try {
            HttpResponse<Void> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return health.statusCode() == 200;
        } catch (Exception e) {
            return false;
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
