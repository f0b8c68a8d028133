package com.nextarget.server.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The server against the fake Google and Facebook on loopback, to click through a sign-in in a browser without
 * provider credentials (README "Trying a sign-in locally"): {@code mvn -B -q package -DskipTests exec:java}.
 * It lives on the test classpath, so it never ships in nextarget.jar. The server is the README's command on
 * target/nextarget.jar, in target/local-sign-in (a ./data of its own), on PORT (default 8000); the fakes sign in
 * at once, Google as ada@example.com and Facebook as grace@example.com.
 */
public final class LocalSignIn {

    private static final Path DIRECTORY = Path.of("target", "local-sign-in").toAbsolutePath();

    private LocalSignIn() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8000"));
        // the browser must come back to the host it started on: the login cookie belongs to that host
        String base = "http://localhost:" + port;
        FakeGoogle google = FakeGoogle.start("local-google-client", "local-google-secret");
        FakeFacebook facebook = FakeFacebook.start("local-facebook-app", "local-facebook-secret");
        Files.createDirectories(DIRECTORY);
        ProcessBuilder builder = new ProcessBuilder(RunningServer.command()).directory(DIRECTORY.toFile()).inheritIO();
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("GOOGLE_") || key.startsWith("FACEBOOK_")
                || key.startsWith("JWT_") || key.equals("DATABASE_URL"));
        env.put("PORT", Integer.toString(port));
        env.put("GOOGLE_ISSUER", google.issuer());
        env.put("GOOGLE_CLIENT_ID", "local-google-client");
        env.put("GOOGLE_CLIENT_SECRET", "local-google-secret");
        env.put("GOOGLE_REDIRECT_URI", base + "/auth/google/callback");
        env.put("FACEBOOK_AUTHORIZE_URL", facebook.authorizeUrl());
        env.put("FACEBOOK_GRAPH_URL", facebook.graphUrl());
        env.put("FACEBOOK_CLIENT_ID", "local-facebook-app");
        env.put("FACEBOOK_CLIENT_SECRET", "local-facebook-secret");
        env.put("FACEBOOK_REDIRECT_URI", base + "/auth/facebook/callback");
        Process server = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.destroy();
            try {
                server.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            google.close();
            facebook.close();
        }));
        if (awaitHealthy(server, URI.create(base + "/health"))) {
            System.out.println("""

                    ==== Sign-in against fake Google and Facebook ====
                    Open %1$s/auth/google/start (or %1$s/auth/facebook/start) in a browser: it answers
                    with a token response. Then open %1$s/docs, press Authorize, paste the access_token,
                    and try GET /users/me; or:  curl -H "Authorization: Bearer <access_token>" %1$s/users/me
                    Ctrl-C stops the server and the fakes.
                    """.formatted(base));
        }
        System.exit(server.waitFor());
    }

    private static boolean awaitHealthy(Process server, URI health) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (server.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build();
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return false;
    }
}
