package com.nextarget.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * HAProxy (Debian's {@code haproxy}) in front of several servers: round robin on every request, no stickiness,
 * health checks on {@code /health}, {@code X-Forwarded-For} added. Runs in the foreground as a child process with
 * its configuration in a file of its own. Each answer carries {@value #SERVED_BY} naming the instance that served
 * it ({@code r1}, {@code r2}, ...), so that a test can show where a request went.
 */
public final class LoadBalancer implements Origin, AutoCloseable {

    public static final String SERVED_BY = "X-Served-By";
    private static final List<Path> HAPROXY = List.of(Path.of("/usr/sbin/haproxy"), Path.of("/usr/bin/haproxy"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path directory;
    private final int port;

    private LoadBalancer(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** Listens on {@code port} of 127.0.0.1 and spreads requests over the backends' ports, in this order. */
    public static LoadBalancer start(Path directory, int port, List<Integer> backends) {
        try {
            Files.createDirectories(directory);
            Path config = directory.resolve("haproxy.cfg");
            Files.writeString(config, configuration(port, backends), StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(haproxy().toString(), "-db", "-f", config.toString())
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("haproxy.log").toFile()))
                    .start();
            LoadBalancer balancer = new LoadBalancer(process, directory, port);
            balancer.awaitListening();
            return balancer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String configuration(int port, List<Integer> backends) {
        String servers = IntStream.range(0, backends.size())
                .mapToObj(i -> "    server r" + (i + 1) + " 127.0.0.1:" + backends.get(i) + " check inter 1s")
                .collect(Collectors.joining("\n"));
        return """
                global
                    maxconn 2000
                    log stdout format raw local0 info

                defaults
                    mode http
                    log global
                    option httplog
                    option forwardfor
                    timeout connect 5s
                    timeout client 60s
                    timeout server 60s

                frontend nextarget
                    bind 127.0.0.1:%d
                    default_backend instances

                backend instances
                    # every request on its own, keep-alive connections included: no stickiness of any kind
                    balance roundrobin
                    option httpchk GET /health
                    http-response set-header %s %%s
                %s
                """.formatted(port, SERVED_BY, servers);
    }

    /** Whether Debian's haproxy is there ({@code .ci/run} installs it): tests that need it run only then. */
    public static boolean installed() {
        return HAPROXY.stream().anyMatch(Files::isExecutable);
    }

    private static Path haproxy() {
        return HAPROXY.stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("haproxy is not installed (.ci/run installs it)"));
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        close();
        throw new IllegalStateException("haproxy did not listen on " + port + " within " + START_TIMEOUT);
    }

    @Override
    public URI uri(String pathAndQuery) {
        return URI.create(origin() + pathAndQuery);
    }

    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    /** The instance that served a response that passed through the balancer: {@code r1}, {@code r2}, ... */
    public static String servedBy(HttpResponse<?> response) {
        return response.headers().firstValue(SERVED_BY)
                .orElseThrow(() -> new AssertionError("no " + SERVED_BY + " header: not served through the balancer"));
    }

    public String log() {
        try {
            return Files.readString(directory.resolve("haproxy.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
