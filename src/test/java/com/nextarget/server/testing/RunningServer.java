package com.nextarget.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real server: {@code java -jar target/nextarget.jar} (the artifact the README runs and the Dockerfile ships)
 * in its own working directory, on a free port, configured like production through environment variables. One
 * shared instance serves the whole test run; tests that need another configuration or a restart start their own.
 */
public final class RunningServer implements Origin, AutoCloseable {

    public static final String GOOGLE_CLIENT_ID = "nextarget-test-google-client";
    public static final String GOOGLE_CLIENT_SECRET = "nextarget-test-google-secret";
    /** Listed in GOOGLE_APP_CLIENT_IDS of the servers {@link #withProviders} configures. */
    public static final String GOOGLE_ANDROID_CLIENT_ID = "nextarget-test-google-android-client";
    public static final String GOOGLE_IOS_CLIENT_ID = "nextarget-test-google-ios-client";
    public static final String FACEBOOK_APP_ID = "nextarget-test-facebook-app";
    public static final String FACEBOOK_APP_SECRET = "nextarget-test-facebook-secret";
    /** The browser origin the shared server allows (CORS_ORIGINS). */
    public static final String CORS_ORIGIN = "https://app.example.test";

    public static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    public static final Path JAR = Path.of("target", "nextarget.jar").toAbsolutePath();
    public static final Path CLASS_DATA_ARCHIVE = Path.of("target", "nextarget.jsa").toAbsolutePath();
    private static final Path JVM_OPTIONS = Path.of("src", "main", "jvm", "jvm.options").toAbsolutePath();
    private static final Path WORK = Path.of("target", "it-servers").toAbsolutePath();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final List<RunningServer> STARTED = new ArrayList<>();

    private static RunningServer shared;
    private static FakeGoogle google;
    private static FakeFacebook facebook;
    private static String sharedSecret;

    private final Process process;
    private final Path directory;
    private final int port;
    private final long logOffset;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(RunningServer::stopAll));
    }

    private RunningServer(Process process, Path directory, int port, long logOffset) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        this.logOffset = logOffset;
    }

    /** The server every test uses, with both fake providers configured; started at first use. */
    public static synchronized RunningServer shared() {
        if (shared == null) {
            sharedSecret = "test-secret-" + UUID.randomUUID();
            shared = start("shared", withProviders(Map.of("JWT_SECRET_KEY", sharedSecret, "CORS_ORIGINS", CORS_ORIGIN)));
        }
        return shared;
    }

    public static synchronized FakeGoogle google() {
        if (google == null) {
            google = FakeGoogle.start(GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET);
        }
        return google;
    }

    public static synchronized FakeFacebook facebook() {
        if (facebook == null) {
            facebook = FakeFacebook.start(FACEBOOK_APP_ID, FACEBOOK_APP_SECRET);
        }
        return facebook;
    }

    /** The JWT_SECRET_KEY of the shared server, for tests that sign tokens of their own. */
    public static String sharedSecret() {
        shared();
        return sharedSecret;
    }

    /** Provider settings pointing at the fakes; redirect URIs are filled in by {@link #start} (they need the port). */
    public static Map<String, String> withProviders(Map<String, String> settings) {
        return withProviders(settings, "http://127.0.0.1:{port}");
    }

    /**
     * Provider settings pointing at the fakes, with redirect URIs under {@code publicOrigin}: the address browsers
     * reach the server by, such as a load balancer's in front of several instances.
     */
    public static Map<String, String> withProviders(Map<String, String> settings, String publicOrigin) {
        Map<String, String> env = new HashMap<>(settings);
        env.put("GOOGLE_ISSUER", google().issuer());
        env.put("GOOGLE_CLIENT_ID", GOOGLE_CLIENT_ID);
        env.put("GOOGLE_CLIENT_SECRET", GOOGLE_CLIENT_SECRET);
        env.put("GOOGLE_REDIRECT_URI", publicOrigin + "/auth/google/callback");
        env.put("FACEBOOK_AUTHORIZE_URL", facebook().authorizeUrl());
        env.put("FACEBOOK_GRAPH_URL", facebook().graphUrl());
        env.put("FACEBOOK_CLIENT_ID", FACEBOOK_APP_ID);
        env.put("FACEBOOK_CLIENT_SECRET", FACEBOOK_APP_SECRET);
        env.put("FACEBOOK_REDIRECT_URI", publicOrigin + "/auth/facebook/callback");
        env.putIfAbsent("GOOGLE_APP_CLIENT_IDS", GOOGLE_ANDROID_CLIENT_ID + "," + GOOGLE_IOS_CLIENT_ID);
        env.putIfAbsent("FACEBOOK_OIDC_ISSUER", facebook().oidcIssuer());
        env.putIfAbsent("FACEBOOK_OIDC_JWKS_URL", facebook().oidcJwksUrl());
        env.putIfAbsent("APP_REDIRECT_URIS", AppSignIn.REDIRECT_URI + "," + AppSignIn.HTTPS_REDIRECT_URI);
        // every test client is 127.0.0.1: only the rate-limit tests (ratelimit.RateLimitIT) set a limit to reach
        env.putIfAbsent("RATE_LIMIT_PER_MINUTE", "1000000");
        return env;
    }

    /**
     * Starts a server in {@code target/it-servers/<name>} (kept between starts, so a restart sees the same ./data)
     * with exactly these environment variables besides PORT and the JVM's own, and waits until it answers.
     */
    public static RunningServer start(String name, Map<String, String> settings) {
        RunningServer server = launch(name, settings);
        server.awaitHealthy();
        return server;
    }

    /**
     * Like {@link #start}, but returns as soon as the process runs: for tests of the start itself, and for starting
     * several at once (then {@link #awaitHealthy} each).
     */
    public static synchronized RunningServer launch(String name, Map<String, String> settings) {
        int port = freePort();
        Path directory = WORK.resolve(name);
        try {
            Files.createDirectories(directory);
            ProcessBuilder builder = new ProcessBuilder(command())
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("server.log").toFile()));
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(key -> key.startsWith("GOOGLE_") || key.startsWith("FACEBOOK_")
                    || key.startsWith("JWT_") || key.equals("DATABASE_URL") || key.equals("CORS_ORIGINS")
                    || key.startsWith("APP_") || key.endsWith("_EXPIRE_MINUTES")
                    || key.startsWith("OTEL_") || key.equals("LOG_FORMAT") || key.equals("METRICS_TOKEN")
                    || key.equals("RATE_LIMIT_PER_MINUTE") || key.equals("TRUST_PROXY_HEADERS"));

            settings.forEach((key, value) -> env.put(key, value.replace("{port}", Integer.toString(port))));
            env.put("PORT", Integer.toString(port));
            Path log = directory.resolve("server.log");
            long logOffset = Files.exists(log) ? Files.size(log) : 0;
            RunningServer server = new RunningServer(builder.start(), directory, port, logOffset);
            STARTED.add(server);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The README's and the Dockerfile's command: the same JVM options file, class-data archive and jar. */
    static List<String> command() {
        return List.of(JAVA.toString(), "@" + JVM_OPTIONS, "-XX:SharedArchiveFile=" + CLASS_DATA_ARCHIVE,
                "-jar", JAR.toString());
    }

    public void awaitHealthy() {
        Duration timeout = START_TIMEOUT;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; log:\n" + logTail());
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        stop();
        throw new IllegalStateException("the server did not become healthy in " + timeout + "; log:\n" + logTail());
    }

    /** Where a server of this name runs (its ./data and server.log), also after it stopped or failed to start. */
    public static Path directory(String name) {
        return WORK.resolve(name);
    }

    @Override
    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /** Whether a server of this test run answers at this URI (and not, say, a fake provider). */
    static synchronized boolean serves(URI uri) {
        return "127.0.0.1".equals(uri.getHost()) && STARTED.stream().anyMatch(server -> server.port == uri.getPort());
    }

    public int port() {
        return port;
    }

    /** Everything the server wrote to stdout and stderr so far. */
    public String log() {
        try {
            return Files.readString(directory.resolve("server.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the server wrote since this start (a restart in the same directory appends to the same log). */
    public String logOfThisStart() {
        String log = log();
        return log.substring((int) Math.min(logOffset, log.length()));
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Sends SIGTERM (what a platform sends to stop a server) without waiting. */
    public void terminate() {
        process.destroy();
    }

    /** kill -9: the process ends at once, without its shutdown hooks. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public long pid() {
        return process.pid();
    }

    /** The exit status once the process has ended, or -1 when it still runs after the timeout. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    private String logTail() {
        String log = log();
        return log.substring(Math.max(0, log.length() - 6000));
    }

    /** A JDBC connection to the server's SQLite file, for checks the API does not offer (row counts, deletions). */
    public Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("data/nextarget.db"));
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        synchronized (RunningServer.class) {
            STARTED.remove(this);
        }
    }

    private static synchronized void stopAll() {
        STARTED.forEach(RunningServer::stop);
        if (google != null) {
            google.close();
        }
        if (facebook != null) {
            facebook.close();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
