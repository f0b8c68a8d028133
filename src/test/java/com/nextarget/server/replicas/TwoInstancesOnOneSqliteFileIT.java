package com.nextarget.server.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.FakeGoogle;
import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.LoadBalancer;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.Replicas;
import com.nextarget.server.testing.RunningServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Two instances on one machine sharing one SQLite file (WAL), behind HAProxy: one server, as far as a client sees.
 * Needs haproxy, which {@code .ci/run} installs, so in CI it never skips.
 */
@EnabledIf("com.nextarget.server.testing.LoadBalancer#installed")
class TwoInstancesOnOneSqliteFileIT {

    private static final Path FILE = Path.of("target", "it-servers", "sqlite-pair-db", "shared.db").toAbsolutePath();
    private static Replicas replicas;

    @BeforeAll
    static void startTwoInstancesOnOneFile() throws IOException {
        Files.createDirectories(FILE.getParent());
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(FILE + suffix));
        }
        replicas = Replicas.start("sqlite-pair", 2, "jdbc:sqlite:" + FILE, Map.of("RATE_LIMIT_PER_MINUTE", "1000000"));
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    void browserLoginStartedOnOneInstanceFinishesOnTheOther() {
        Browser browser = new Browser();
        HttpResponse<String> start = browser.get(replicas.uri("/auth/google/start"));
        assertThat(start.statusCode()).as("start: %s", start.body()).isIn(302, 303, 307);
        HttpResponse<String> finished = browser.get(Browser.location(browser.get(Browser.location(start))));

        assertThat(LoadBalancer.servedBy(finished)).isNotEqualTo(LoadBalancer.servedBy(start));
        assertThat(finished.statusCode()).as("callback: %s", finished.body()).isEqualTo(200);
    }

    @Test
    void tokenFromOneInstanceWorksOnTheOtherUntilTheUserIsDeleted() throws SQLException {
        String subject = "sqlite-pair-" + UUID.randomUUID();
        RunningServer.google().enqueue(FakeGoogle.Login.as(subject).email("pair@example.com"));
        String token = Logins.accessTokenOf(OneInstance.browserLogin(replicas.instance(1)));
        assertThat(Http.withBearer(replicas.instance(2).uri("/users/me"), token).statusCode()).isEqualTo(200);

        try (Connection db = database(); var statement = db.prepareStatement("DELETE FROM users WHERE subject = ?")) {
            statement.setString(1, subject);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }

        assertThat(Http.withBearer(replicas.instance(1).uri("/users/me"), token).statusCode()).isEqualTo(401);
        assertThat(Http.withBearer(replicas.instance(2).uri("/users/me"), token).statusCode()).isEqualTo(401);
    }

    @Test
    void logoutOnOneInstanceEndsTheSessionOnTheOther() {
        String token = OneInstance.appTokens(replicas.instance(1)).getString("access_token");
        assertThat(Http.withBearer(replicas.instance(2).uri("/users/me"), token).statusCode()).isEqualTo(200);

        assertThat(OneInstance.logout(replicas.instance(2), token).statusCode()).isEqualTo(204);

        assertThat(Http.withBearer(replicas.instance(1).uri("/users/me"), token).statusCode()).isEqualTo(401);
    }

    @Test
    void hundredConcurrentLoginsOfTenPeopleThroughTheBalancerLeaveTenRows() throws Exception {
        String prefix = "sqlite-pair-concurrent-" + UUID.randomUUID() + "-";
        for (int i = 0; i < 100; i++) {
            RunningServer.google().enqueue(FakeGoogle.Login.as(prefix + (i % 10)).email("p" + (i % 10) + "@example.com"));
        }

        assertThat(Logins.concurrently(replicas, "google", 100, 16)).hasSize(100).containsOnly(200);

        try (Connection db = database(); var statement = db.prepareStatement("SELECT COUNT(*) FROM users WHERE subject LIKE ?")) {
            statement.setString(1, prefix + "%");
            try (var result = statement.executeQuery()) {
                result.next();
                assertThat(result.getInt(1)).isEqualTo(10);
            }
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + FILE);
    }
}
