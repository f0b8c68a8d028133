package com.nextarget.server.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.PostgresSchema;
import com.nextarget.server.testing.Replicas;
import com.nextarget.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Rate-limit counts live in the database: three instances behind HAProxy limit a client as one server would. */
@EnabledIfEnvironmentVariable(named = "TEST_POSTGRES_URL", matches = "postgres(ql)?://.+")
class ReplicaRateLimitsIT {

    private static final int LIMIT = 12;
    private static PostgresSchema schema;
    private static Replicas replicas;

    @BeforeAll
    static void startThreeInstancesBehindHaproxy() throws SQLException {
        schema = PostgresSchema.create("replica_rate_limits");
        replicas = Replicas.start("replica-rate-limits", 3, schema.databaseUrl(),
                Map.of("RATE_LIMIT_PER_MINUTE", Integer.toString(LIMIT)));
    }

    @AfterAll
    static void stop() throws SQLException {
        if (replicas != null) {
            replicas.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void requestsOfOneClientAreCountedTogetherByEveryInstance() {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> limited = null;
        // counted per instance, the balancer's spreading would let 3 × LIMIT through before the first 429
        while (limited == null && statuses.size() < 3 * LIMIT) {
            HttpResponse<String> response = Http.get(replicas.uri("/auth/facebook/start"));
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                limited = response;
            }
        }

        assertThat(statuses.subList(0, LIMIT)).as("the first %d requests", LIMIT).doesNotContain(429);
        // 2 × LIMIT + 1, not LIMIT + 1: the minute may turn while the requests go out, and then counting starts anew
        assertThat(limited).as("a 429 among %s", statuses).isNotNull();
        assertThat(statuses.size()).isLessThanOrEqualTo(2 * LIMIT + 1);
        assertThat(limited.body()).startsWith("{\"detail\":");
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        for (RunningServer instance : replicas.instances()) {
            assertThat(Http.get(instance.uri("/auth/facebook/start")).statusCode()).isEqualTo(429);
        }
    }
}
