package com.nextarget.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.FakeGoogle;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.RunningServer;
import com.nextarget.server.testing.Users;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConcurrentLoginsIT {

    private final RunningServer server = RunningServer.shared();

    @Test
    void twoHundredConcurrentLoginsOfTwentyPeopleLeaveTwentyUsers() throws Exception {
        String prefix = "concurrent-" + UUID.randomUUID() + "-";
        for (int i = 0; i < 200; i++) {
            RunningServer.google().enqueue(FakeGoogle.Login.as(prefix + (i % 20)).email("p" + (i % 20) + "@example.com"));
        }
        assertThat(Logins.concurrently(server, "google", 200, 32)).hasSize(200).containsOnly(200);
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
