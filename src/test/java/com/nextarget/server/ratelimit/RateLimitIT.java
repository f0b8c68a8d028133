package com.nextarget.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one SQLite database, each allowing {@value #LIMIT} requests per client and minute: one behind a
 * trusted proxy (the client is the right-most X-Forwarded-For entry), one reached directly (the client is the peer).
 */
class RateLimitIT {

    private static final int LIMIT = 5;
    private static final Path DATABASE = Path.of("target", "it-servers", "rate-limits.db").toAbsolutePath();
    private static final String START = "/auth/google/start";

    private static RunningServer proxied;
    private static RunningServer direct;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() throws Exception {
        Files.createDirectories(DATABASE.getParent());
        Map<String, String> settings = new HashMap<>(Map.of(
                "DATABASE_URL", "jdbc:sqlite:" + DATABASE,
                "JWT_SECRET_KEY", "rate-limit-test-secret",
                "RATE_LIMIT_PER_MINUTE", Integer.toString(LIMIT)));
        settings.put("TRUST_PROXY_HEADERS", "true");
        proxied = RunningServer.start("rate-limit-proxied", RunningServer.withProviders(settings));
        settings.put("TRUST_PROXY_HEADERS", "false");
        direct = RunningServer.start("rate-limit-direct", RunningServer.withProviders(settings));
    }

    @AfterAll
    static void stop() {
        proxied.close();
        direct.close();
    }

    @Test
    void theRequestAfterTheLimitIs429WithRetryAfter() {
        String client = freshClient();
        awaitRoomInThisMinute();
        for (int i = 0; i < LIMIT; i++) {
            assertThat(start(proxied, client).statusCode()).isEqualTo(302);
        }
        HttpResponse<String> refused = start(proxied, client);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Http.json(refused.body()).keySet()).containsExactly("detail");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(refused.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void otherClientsAreNotSlowed() {
        String limited = freshClient();
        awaitRoomInThisMinute();
        exhaust(proxied, limited);
        assertThat(start(proxied, freshClient()).statusCode()).isEqualTo(302);
    }

    @Test
    void onlyTheRightMostForwardedForEntryCounts() {
        String client = freshClient();
        awaitRoomInThisMinute();
        for (int i = 0; i < LIMIT; i++) {
            // entries a client adds itself, left of the proxy's, change nothing
            var response = Http.get(proxied.uri(START), "X-Forwarded-For", freshClient() + ", " + client);
            assertThat(response.statusCode()).isEqualTo(302);
        }
        var refused = Http.get(proxied.uri(START), "X-Forwarded-For", freshClient(), "X-Forwarded-For", client);
        assertThat(refused.statusCode()).isEqualTo(429);
    }

    @Test
    void healthIsNeverLimited() {
        String client = freshClient();
        awaitRoomInThisMinute();
        exhaust(proxied, client);
        for (int i = 0; i < LIMIT * 2; i++) {
            assertThat(Http.get(proxied.uri("/health"), "X-Forwarded-For", client).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void usersMeIsNeitherLimitedNorCounted() {
        String limited = freshClient();
        awaitRoomInThisMinute();
        exhaust(proxied, limited);
        assertThat(Http.get(proxied.uri("/users/me"), "X-Forwarded-For", limited).statusCode()).isEqualTo(401);
        String other = freshClient();
        for (int i = 0; i < LIMIT * 2; i++) {
            assertThat(Http.get(proxied.uri("/users/me"), "X-Forwarded-For", other).statusCode()).isEqualTo(401);
        }
        assertThat(start(proxied, other).statusCode()).isEqualTo(302);
    }

    @Test
    void everyInstanceOnTheDatabaseHonoursTheSameCountAndADirectClientIsItsPeerAddress() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + DATABASE);
             PreparedStatement forget = db.prepareStatement("DELETE FROM rate_limit_windows WHERE client = ?")) {
            forget.setString(1, "127.0.0.1");
            forget.executeUpdate();
        }
        awaitRoomInThisMinute();
        for (int i = 0; i < LIMIT; i++) {
            HttpResponse<String> response = i % 2 == 0
                    ? start(proxied, "127.0.0.1")
                    // the direct instance does not trust the header: the client stays 127.0.0.1, its peer
                    : Http.get(direct.uri(START), "X-Forwarded-For", freshClient());
            assertThat(response.statusCode()).isEqualTo(302);
        }
        assertThat(Http.get(direct.uri(START), "X-Forwarded-For", freshClient()).statusCode()).isEqualTo(429);
        assertThat(start(proxied, "127.0.0.1").statusCode()).isEqualTo(429);
    }

    @Test
    void windowsOfPastMinutesAreDeleted() throws Exception {
        String old = freshClient();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + DATABASE);
             PreparedStatement insert = db.prepareStatement(
                     "INSERT INTO rate_limit_windows (client, window_start, requests) VALUES (?, ?, 3)")) {
            insert.setString(1, old);
            insert.setLong(2, System.currentTimeMillis() / 60_000 * 60_000 - 10 * 60_000);
            insert.executeUpdate();
        }
        assertThat(start(proxied, freshClient()).statusCode()).isEqualTo(302);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + DATABASE);
             PreparedStatement count = db.prepareStatement("SELECT count(*) FROM rate_limit_windows WHERE client = ?")) {
            count.setString(1, old);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).isZero();
            }
        }
    }

    private static HttpResponse<String> start(RunningServer server, String client) {
        return Http.get(server.uri(START), "X-Forwarded-For", client);
    }

    private static void exhaust(RunningServer server, String client) {
        for (int i = 0; i < LIMIT; i++) {
            start(server, client);
        }
        assertThat(start(server, client).statusCode()).isEqualTo(429);
    }

    /** A documentation-range address (RFC 3849) that no other test or earlier run has used. */
    private static String freshClient() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("2001:db8::%x:%x", random.nextInt(1 << 16), random.nextInt(1 << 16));
    }

    /**
     * Counts are per calendar minute: a burst that straddled the turn of a minute would find its count reset, so a
     * test that needs its requests in one minute starts it with at least 10 s to go.
     */
    private static void awaitRoomInThisMinute() {
        int second = LocalTime.now().getSecond();
        if (second >= 50) {
            try {
                Thread.sleep((60 - second) * 1000L + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
