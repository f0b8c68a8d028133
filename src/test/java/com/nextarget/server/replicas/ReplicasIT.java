package com.nextarget.server.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.AppSignIn;
import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.FakeGoogle;
import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.LoadBalancer;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.PostgresSchema;
import com.nextarget.server.testing.Replicas;
import com.nextarget.server.testing.RunningServer;
import com.nextarget.server.testing.SdkSignIns;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Three instances of the jar on one PostgreSQL behind HAProxy spreading requests round robin, no stickiness: they
 * behave as one server (CONTRACT.md, "Several instances"). Requests of one test go one after the other, so
 * consecutive requests through the balancer land on different instances; each test shows where they went.
 */
@EnabledIfEnvironmentVariable(named = "TEST_POSTGRES_URL", matches = "postgres(ql)?://.+")
class ReplicasIT {

    private static PostgresSchema schema;
    private static Replicas replicas;

    @BeforeAll
    static void startThreeInstancesBehindHaproxy() throws SQLException {
        schema = PostgresSchema.create("replicas");
        // the concurrent logins all come from 127.0.0.1: a limit would refuse them (ReplicaRateLimitsIT tests it)
        replicas = Replicas.start("replicas", 3, schema.databaseUrl(), Map.of("RATE_LIMIT_PER_MINUTE", "1000000"));
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

    @ParameterizedTest
    @ValueSource(strings = {"google", "facebook"})
    void browserLoginStartedOnOneInstanceFinishesOnAnother(String provider) {
        Browser browser = new Browser();
        HttpResponse<String> start = browser.get(replicas.uri("/auth/" + provider + "/start"));
        assertThat(start.statusCode()).as("start: %s", start.body()).isIn(302, 303, 307);
        HttpResponse<String> atProvider = browser.get(Browser.location(start));
        URI callback = Browser.location(atProvider);
        assertThat(callback.getPort()).isEqualTo(replicas.uri("/").getPort());

        HttpResponse<String> finished = browser.get(callback);

        assertThat(LoadBalancer.servedBy(finished)).isNotEqualTo(LoadBalancer.servedBy(start));
        assertThat(finished.statusCode()).as("callback: %s", finished.body()).isEqualTo(200);
        String token = Logins.accessTokenOf(finished);
        for (RunningServer instance : replicas.instances()) {
            assertThat(Http.withBearer(instance.uri("/users/me"), token).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void stateSpentOnOneInstanceIsRefusedByEveryInstance() {
        Browser browser = new Browser();
        URI callback = Logins.callbackUri(browser, replicas, "google");
        assertThat(browser.get(callback).statusCode()).isEqualTo(200);

        for (RunningServer instance : replicas.instances()) {
            HttpResponse<String> replay = browser.get(OneInstance.on(instance, callback));
            assertThat(replay.statusCode()).isEqualTo(400);
            assertThat(replay.body()).startsWith("{\"detail\":").doesNotContain("access_token");
        }
    }

    @Test
    void accessTokenIssuedByOneInstanceIsAcceptedByEveryInstance() {
        String subject = "replica-token-" + UUID.randomUUID();
        RunningServer.google().enqueue(FakeGoogle.Login.as(subject).email("token@example.com"));
        String token = Logins.accessTokenOf(OneInstance.browserLogin(replicas.instance(1)));

        for (RunningServer instance : replicas.instances()) {
            HttpResponse<String> me = Http.withBearer(instance.uri("/users/me"), token);
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(Http.json(me.body()).getString("email")).isEqualTo("token@example.com");
        }
    }

    @Test
    void deletedUserIsRefusedByEveryInstanceAtOnce() throws SQLException {
        String subject = "replica-deleted-" + UUID.randomUUID();
        RunningServer.google().enqueue(FakeGoogle.Login.as(subject));
        String token = Logins.accessTokenOf(OneInstance.browserLogin(replicas.instance(1)));
        for (RunningServer instance : replicas.instances()) {
            assertThat(Http.withBearer(instance.uri("/users/me"), token).statusCode()).isEqualTo(200);
        }

        schema.execute("DELETE FROM users WHERE subject = '" + subject + "'");

        for (RunningServer instance : replicas.instances()) {
            HttpResponse<String> me = Http.withBearer(instance.uri("/users/me"), token);
            assertThat(me.statusCode()).isEqualTo(401);
            assertThat(me.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"google", "facebook"})
    void appSignInCodeIsRedeemedOnAnotherInstance(String provider) {
        AppSignIn app = new AppSignIn();
        HttpResponse<String> start = app.browser.get(app.startUri(replicas, provider));
        assertThat(start.statusCode()).as("start: %s", start.body()).isEqualTo(302);
        HttpResponse<String> callback = app.browser.get(Browser.location(app.browser.get(Browser.location(start))));
        String code = app.codeIn(callback);

        HttpResponse<String> redeemed = app.redeem(replicas, code);

        assertThat(LoadBalancer.servedBy(callback)).isNotEqualTo(LoadBalancer.servedBy(start));
        assertThat(LoadBalancer.servedBy(redeemed)).isNotEqualTo(LoadBalancer.servedBy(callback));
        assertThat(redeemed.statusCode()).as("token: %s", redeemed.body()).isEqualTo(200);
        JsonObject tokens = Http.json(redeemed.body());
        assertThat(tokens.getString("refresh_token")).isNotBlank();
        for (RunningServer instance : replicas.instances()) {
            assertThat(Http.withBearer(instance.uri("/users/me"), tokens.getString("access_token")).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void codeRedeemedOnOneInstanceIsRefusedByAnotherWhichEndsItsSession() {
        AppSignIn app = new AppSignIn();
        String code = OneInstance.appLogin(replicas.instance(1), app);
        HttpResponse<String> first = app.redeem(replicas.instance(2), code);
        assertThat(first.statusCode()).as("first redemption: %s", first.body()).isEqualTo(200);
        String token = Http.json(first.body()).getString("access_token");

        HttpResponse<String> second = app.redeem(replicas.instance(3), code);

        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(Http.json(second.body()).getString("error")).isEqualTo("invalid_grant");
        for (RunningServer instance : replicas.instances()) {
            assertThat(Http.withBearer(instance.uri("/users/me"), token).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void refreshTokenRotatesFromInstanceToInstance() {
        String refreshToken = OneInstance.appTokens(replicas.instance(1)).getString("refresh_token");
        for (RunningServer instance : replicas.instances()) {
            HttpResponse<String> refreshed = AppSignIn.refresh(instance, refreshToken);
            assertThat(refreshed.statusCode()).as("refresh on %s: %s", instance.port(), refreshed.body()).isEqualTo(200);
            JsonObject tokens = Http.json(refreshed.body());
            assertThat(tokens.getString("refresh_token")).isNotEqualTo(refreshToken);
            assertThat(Http.withBearer(instance.uri("/users/me"), tokens.getString("access_token")).statusCode())
                    .isEqualTo(200);
            refreshToken = tokens.getString("refresh_token");
        }
    }

    @Test
    void retryOfARefreshOnAnotherInstanceGetsTheSameNextToken() {
        String refreshToken = OneInstance.appTokens(replicas.instance(1)).getString("refresh_token");
        HttpResponse<String> first = AppSignIn.refresh(replicas.instance(1), refreshToken);
        assertThat(first.statusCode()).as("refresh: %s", first.body()).isEqualTo(200);

        HttpResponse<String> retry = AppSignIn.refresh(replicas.instance(2), refreshToken);

        assertThat(retry.statusCode()).as("retry: %s", retry.body()).isEqualTo(200);
        assertThat(Http.json(retry.body()).getString("refresh_token"))
                .isEqualTo(Http.json(first.body()).getString("refresh_token"));
    }

    @Test
    void logoutOnOneInstanceEndsTheSessionOnEveryInstanceAtOnce() {
        JsonObject tokens = OneInstance.appTokens(replicas.instance(1));
        String token = tokens.getString("access_token");
        for (RunningServer instance : replicas.instances()) {
            assertThat(Http.withBearer(instance.uri("/users/me"), token).statusCode()).isEqualTo(200);
        }

        assertThat(OneInstance.logout(replicas.instance(2), token).statusCode()).isEqualTo(204);

        for (RunningServer instance : replicas.instances()) {
            assertThat(Http.withBearer(instance.uri("/users/me"), token).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refresh = AppSignIn.refresh(replicas.instance(3), tokens.getString("refresh_token"));
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(Http.json(refresh.body()).getString("error")).isEqualTo("invalid_grant");
    }

    @Test
    void sdkNonceIssuedByOneInstanceIsHonouredOnceByAnother() {
        String nonce = SdkSignIns.nonce(replicas.instance(1));
        String subject = "replica-sdk-" + UUID.randomUUID();

        HttpResponse<String> signedIn = SdkSignIns.post(replicas.instance(2), "google", "id_token",
                RunningServer.google().idToken(FakeGoogle.Login.as(subject).nonce(nonce)));
        HttpResponse<String> again = SdkSignIns.post(replicas.instance(3), "google", "id_token",
                RunningServer.google().idToken(FakeGoogle.Login.as(subject).nonce(nonce)));

        SdkSignIns.assertSignedIn(signedIn);
        SdkSignIns.assertRefused(again, 401);
    }

    @Test
    void twoHundredConcurrentLoginsOfTwentyPeopleThroughTheBalancerLeaveTwentyRows() throws Exception {
        String prefix = "replicas-concurrent-" + UUID.randomUUID() + "-";
        for (int i = 0; i < 200; i++) {
            RunningServer.google().enqueue(FakeGoogle.Login.as(prefix + (i % 20)).email("p" + (i % 20) + "@example.com"));
        }

        assertThat(Logins.concurrently(replicas, "google", 200, 32)).hasSize(200).containsOnly(200);

        assertThat(schema.count("users", "subject LIKE '" + prefix + "%'")).isEqualTo(20);
        assertThat(replicas.balancer().log()).contains("instances/r1 ", "instances/r2 ", "instances/r3 ");
    }
}
