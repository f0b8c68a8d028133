package com.nextarget.server.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.FakeGoogle;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.RunningServer;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM, as Render sends on every deploy: the login in flight completes, and every other request, until the
 * process is gone, completes too or is refused with {@code 503 {"detail"}} or a closed connection.
 */
class GracefulStopIT {

    private static final int CLIENTS = 4;

    @Test
    void loginInFlightAtSigtermCompletesAndEveryOtherAnswerIsJsonOrAClosedConnection() throws Exception {
        RunningServer server = RunningServer.start("graceful-stop",
                RunningServer.withProviders(Map.of("JWT_SECRET_KEY", "graceful-stop-" + UUID.randomUUID())));
        FakeGoogle google = RunningServer.google();
        google.enqueue(FakeGoogle.Login.as("slow-" + UUID.randomUUID()).tokenEndpointDelayMillis(3_000));
        Browser slowBrowser = new Browser();
        URI slowCallback = Logins.callbackUri(slowBrowser, server, "google");
        int tokenRequestsBefore = google.tokenRequests();
        CompletableFuture<HttpResponse<String>> inFlight =
                CompletableFuture.supplyAsync(() -> slowBrowser.get(slowCallback));
        while (google.tokenRequests() == tokenRequestsBefore) {
            Thread.sleep(10);
        }

        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    loginOnce(server).ifPresent(unexpected::add);
                    Thread.sleep(20);
                }
                return null;
            });
        }
        server.terminate();

        HttpResponse<String> slow = inFlight.get(30, TimeUnit.SECONDS);
        int status = server.awaitExit(Duration.ofSeconds(30));
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        server.close();

        assertThat(slow.statusCode()).as(slow.body()).isEqualTo(200);
        assertThat(Logins.accessTokenOf(slow)).isNotBlank();
        assertThat(status).as("exit status").isZero();
        assertThat(unexpected).isEmpty();
    }

    /** One whole login; what it met that is neither the login's own answers, the stop's JSON 503, nor a closed connection. */
    private static Optional<String> loginOnce(RunningServer server) {
        Browser browser = new Browser();
        try {
            HttpResponse<String> start = browser.get(server.uri("/auth/google/start"));
            if (start.statusCode() != 302) {
                return refusal(start);
            }
            HttpResponse<String> atProvider = browser.get(Browser.location(start));
            HttpResponse<String> callback = browser.get(Browser.location(atProvider));
            return callback.statusCode() == 200 ? Optional.empty() : refusal(callback);
        } catch (UncheckedIOException e) {
            // refused or closed connection: the port is closing or closed
            return Optional.empty();
        }
    }

    private static Optional<String> refusal(HttpResponse<String> response) {
        boolean json503 = response.statusCode() == 503
                && response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                && response.body().startsWith("{\"detail\":");
        return json503 ? Optional.empty()
                : Optional.of(response.uri() + " -> " + response.statusCode() + " " + response.body());
    }
}
