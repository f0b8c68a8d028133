package com.nextarget.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Accounts;
import com.nextarget.server.testing.AppSignIn;
import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.FakeGoogle;
import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.RunningServer;
import com.nextarget.server.testing.Users;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code DELETE /users/me}: the in-app account deletion (CONTRACT part two, Leaving). */
class AccountDeletionIT {

    private final RunningServer server = RunningServer.shared();

    @Test
    void deletionAnswers204AndRefusesEveryTokenOfTheUserAtOnce() throws Exception {
        String subject = "leaver-" + UUID.randomUUID();
        JsonObject phone = login(subject, "phone@example.com");
        JsonObject tablet = login(subject, "phone@example.com");
        RunningServer.google().enqueue(FakeGoogle.Login.as(subject));
        AppSignIn app = new AppSignIn();
        String unredeemedCode = app.code(server, "google");
        assertThat(me(tablet)).isEqualTo(200);

        HttpResponse<String> deletion = Accounts.deleteMe(server, access(phone));
        assertThat(deletion.statusCode()).isEqualTo(204);
        assertThat(deletion.body()).isEmpty();

        for (JsonObject device : new JsonObject[] {phone, tablet}) {
            HttpResponse<String> refused = Http.withBearer(server.uri("/users/me"), access(device));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
            assertThat(refused.body()).startsWith("{\"detail\":");
            HttpResponse<String> refresh = AppSignIn.refresh(server, device.getString("refresh_token"));
            assertThat(refresh.statusCode()).isEqualTo(400);
            assertThat(Http.json(refresh.body()).getString("error")).isEqualTo("invalid_grant");
        }
        HttpResponse<String> redeemed = app.redeem(server, unredeemedCode);
        assertThat(redeemed.statusCode()).isEqualTo(400);
        assertThat(Http.json(redeemed.body()).getString("error")).isEqualTo("invalid_grant");
    }

    @Test
    void theUserRowAndEverythingHangingOnItAreGoneFromTheDatabase() throws Exception {
        String subject = "leaver-" + UUID.randomUUID();
        JsonObject phone = login(subject, "rows@example.com");
        JsonObject tablet = login(subject, "rows@example.com");
        RunningServer.google().enqueue(FakeGoogle.Login.as(subject));
        new AppSignIn().code(server, "google");
        long id = Accounts.userOf(access(phone));
        assertThat(Accounts.rows(server, "SELECT COUNT(*) FROM sessions WHERE user_id = ?", id)).isEqualTo(2);
        assertThat(Accounts.rows(server, "SELECT COUNT(*) FROM authorization_codes WHERE user_id = ?", id)).isEqualTo(1);

        assertThat(Accounts.deleteMe(server, access(tablet)).statusCode()).isEqualTo(204);

        assertThat(Accounts.rows(server, "SELECT COUNT(*) FROM users WHERE id = ?", id)).isZero();
        assertThat(Users.count(server, "subject = '" + subject + "'")).isZero();
        assertThat(Accounts.rows(server, "SELECT COUNT(*) FROM sessions WHERE user_id = ?", id)).isZero();
        assertThat(Accounts.rows(server, "SELECT COUNT(*) FROM authorization_codes WHERE user_id = ?", id)).isZero();
        for (JsonObject device : new JsonObject[] {phone, tablet}) {
            assertThat(Accounts.rows(server, "SELECT COUNT(*) FROM refresh_tokens WHERE session_id = ?",
                    Accounts.sessionOf(access(device)))).isZero();
        }
    }

    @Test
    void theTokenOfADeletedUserCannotDeleteAgain() {
        JsonObject tokens = login("leaver-" + UUID.randomUUID(), "twice@example.com");
        assertThat(Accounts.deleteMe(server, access(tokens)).statusCode()).isEqualTo(204);
        HttpResponse<String> again = Accounts.deleteMe(server, access(tokens));
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(again.body()).startsWith("{\"detail\":");
    }

    @Test
    void deletionWithoutATokenIs401AndDeletesNothing() throws Exception {
        String subject = "stayer-" + UUID.randomUUID();
        JsonObject tokens = login(subject, "stayer@example.com");
        HttpResponse<String> response = Http.send(java.net.http.HttpRequest.newBuilder(server.uri("/users/me"))
                .DELETE().build());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(Http.json(response.body()).keySet()).containsExactly("detail");
        assertThat(Accounts.deleteMe(server, "not-a-token").statusCode()).isEqualTo(401);
        assertThat(Users.count(server, "subject = '" + subject + "'")).isEqualTo(1);
        assertThat(me(tokens)).isEqualTo(200);
    }

    @Test
    void signingInAgainAfterDeletionMakesANewUserWithANewId() {
        String subject = "returner-" + UUID.randomUUID();
        JsonObject before = login(subject, "returner@example.com");
        long oldId = Accounts.userOf(access(before));
        assertThat(Accounts.deleteMe(server, access(before)).statusCode()).isEqualTo(204);

        JsonObject after = login(subject, "returner@example.com");
        HttpResponse<String> me = Http.withBearer(server.uri("/users/me"), access(after));
        assertThat(me.statusCode()).isEqualTo(200);
        long newId = Http.json(me.body()).getJsonNumber("id").longValue();
        // SQLite AUTOINCREMENT (and PostgreSQL's sequence) never hand out an id again, even the highest one deleted
        assertThat(newId).isGreaterThan(oldId);
        assertThat(me(before)).isEqualTo(401);
    }

    @Test
    void theDeletionIsLoggedOnceWithTheIdAndTheWayButNeitherEmailNorSubject() {
        String subject = "audited-" + UUID.randomUUID();
        String email = "audited-" + UUID.randomUUID() + "@example.com";
        JsonObject tokens = login(subject, email);
        long id = Accounts.userOf(access(tokens));
        assertThat(Accounts.deleteMe(server, access(tokens)).statusCode()).isEqualTo(204);
        assertThat(Accounts.deleteMe(server, access(tokens)).statusCode()).isEqualTo(401);

        assertThat(Accounts.logLines(server, "user " + id + " deleted")).singleElement()
                .satisfies(line -> assertThat(line).contains("user " + id + " deleted (self)"));
        assertThat(server.log()).doesNotContain(email).doesNotContain(subject).doesNotContain(access(tokens));
    }

    @Test
    void theOpenApiDocumentListsTheDeletionWithItsBearerScheme() {
        JsonObject document = Http.json(Http.get(server.uri("/openapi"), "Accept", "application/json").body());
        JsonObject delete = document.getJsonObject("paths").getJsonObject("/users/me").getJsonObject("delete");
        assertThat(delete.getJsonObject("responses").keySet()).contains("204", "401");
        assertThat(delete.getJsonArray("security").getJsonObject(0).keySet()).containsExactly("bearer");
    }

    private JsonObject login(String subject, String email) {
        RunningServer.google().enqueue(FakeGoogle.Login.as(subject).email(email));
        HttpResponse<String> callback = Logins.login(new Browser(), server, "google");
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
        return Http.json(callback.body());
    }

    private int me(JsonObject tokens) {
        return Http.withBearer(server.uri("/users/me"), access(tokens)).statusCode();
    }

    private static String access(JsonObject tokens) {
        return tokens.getString("access_token");
    }
}
