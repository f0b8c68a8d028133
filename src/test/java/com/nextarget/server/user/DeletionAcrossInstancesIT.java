package com.nextarget.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Accounts;
import com.nextarget.server.testing.AppSignIn;
import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.FakeFacebook;
import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.RunningServer;
import com.nextarget.server.testing.SignedRequests;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database, as behind a load balancer: a deletion on one is seen by the other at once (no cache
 * keeps a deleted user alive), and a deletion receipt outlives a restart.
 */
class DeletionAcrossInstancesIT {

    private static final String NAME = "leaving-" + UUID.randomUUID();
    private static Map<String, String> settings;
    private static RunningServer first;
    private static RunningServer second;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        settings = RunningServer.withProviders(Map.of(
                "JWT_SECRET_KEY", "leaving-" + UUID.randomUUID(),
                "DATABASE_URL", "jdbc:sqlite:" + RunningServer.directory(NAME).resolve("data/nextarget.db")));
        first = RunningServer.start(NAME, settings);
        second = RunningServer.start(NAME + "-twin", settings);
    }

    @AfterAll
    static void stop() {
        for (RunningServer server : new RunningServer[] {first, second}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void aDeletionOnOneInstanceRefusesTheUsersTokensOnTheOtherAtOnce() {
        RunningServer.facebook().enqueue(FakeFacebook.Login.as(uniqueId()));
        HttpResponse<String> callback = Logins.login(new Browser(), first, "facebook");
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
        JsonObject tokens = Http.json(callback.body());
        String access = tokens.getString("access_token");
        // the other instance has verified (and remembered) the token before the deletion
        assertThat(Http.withBearer(second.uri("/users/me"), access).statusCode()).isEqualTo(200);

        assertThat(Accounts.deleteMe(first, access).statusCode()).isEqualTo(204);

        assertThat(Http.withBearer(second.uri("/users/me"), access).statusCode()).isEqualTo(401);
        HttpResponse<String> refresh = AppSignIn.refresh(second, tokens.getString("refresh_token"));
        assertThat(Http.json(refresh.body()).getString("error")).isEqualTo("invalid_grant");
    }

    @Test
    void metasDeletionOnOneInstanceIsSeenOnTheOther() {
        String facebookId = uniqueId();
        RunningServer.facebook().enqueue(FakeFacebook.Login.as(facebookId));
        String access = Logins.accessToken(second, "facebook");
        assertThat(Http.withBearer(first.uri("/users/me"), access).statusCode()).isEqualTo(200);

        assertThat(Accounts.dataDeletion(second, SignedRequests.forUser(facebookId)).statusCode()).isEqualTo(200);

        assertThat(Http.withBearer(first.uri("/users/me"), access).statusCode()).isEqualTo(401);
    }

    @Test
    void theStatusUrlAnswersOnEveryInstanceAndAfterARestart() {
        HttpResponse<String> response = Accounts.dataDeletion(first, SignedRequests.forUser(uniqueId()));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject answer = Http.json(response.body());
        String code = answer.getString("confirmation_code");
        String expected = "{\"confirmation_code\":\"" + code + "\",\"status\":\"deleted\"}";
        assertThat(Http.get(URI.create(answer.getString("url"))).body()).isEqualTo(expected);
        assertThat(Http.get(second.uri("/auth/facebook/data-deletion/" + code)).body()).isEqualTo(expected);

        first.close();
        first = RunningServer.start(NAME, settings);

        HttpResponse<String> status = Http.get(first.uri("/auth/facebook/data-deletion/" + code));
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).isEqualTo(expected);
        assertThat(Http.get(first.uri("/auth/facebook/data-deletion/" + AppSignIn.randomUrlSafe(16))).statusCode())
                .isEqualTo(404);
    }

    private static String uniqueId() {
        return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000_000L));
    }
}
