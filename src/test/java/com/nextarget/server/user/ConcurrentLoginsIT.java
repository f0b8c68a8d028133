package com.nextarget.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.FakeGoogle;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.RunningServer;
import com.nextarget.server.testing.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrentLoginsIT {

    private final RunningServer server = RunningServer.shared();

    @Test
    void twoHundredConcurrentLoginsOfTwentyPeopleLeaveTwentyUsers() throws Exception {
        String prefix = "concurrent-" + UUID.randomUUID() + "-";
        for (int i = 0; i < 200; i++) {
            RunningServer.google().enqueue(FakeGoogle.Login.as(prefix + (i % 20)).email("p" + (i % 20) + "@example.com"));
        }
        ExecutorService clients = Executors.newFixedThreadPool(32);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                statuses.add(clients.submit(() -> Logins.login(new Browser(), server, "google").statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(Users.count(server, "subject LIKE '" + prefix + "%'")).isEqualTo(20);
    }

    @Test
    void sqliteRunsInWalMode() throws Exception {
        try (var db = server.database(); var statement = db.createStatement();
             var result = statement.executeQuery("PRAGMA journal_mode")) {
            result.next();
            assertThat(result.getString(1)).isEqualToIgnoringCase("wal");
        }
    }
}
