package com.nextarget.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.config.DatabaseUrl;
import com.nextarget.server.testing.Accounts;
import com.nextarget.server.testing.AppSignIn;
import com.nextarget.server.testing.Browser;
import com.nextarget.server.testing.Concurrently;
import com.nextarget.server.testing.FakeFacebook;
import com.nextarget.server.testing.FakeGoogle;
import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.Logins;
import com.nextarget.server.testing.PostgresSchema;
import com.nextarget.server.testing.RunningServer;
import com.nextarget.server.testing.SdkSignIns;
import com.nextarget.server.testing.SignedRequests;
import java.sql.Connection;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The server on PostgreSQL, given as Render gives it ({@code postgres://user:pass@host:port/db}), in a fresh schema.
 * Needs a running PostgreSQL, so it runs only when {@code TEST_POSTGRES_URL} names a database the test may write to
 * (PostgreSQL refuses to run as root, which rules out starting an embedded one in the build); {@code .ci/run}
 * always provides one, so in CI it never skips.
 */
@EnabledIfEnvironmentVariable(named = "TEST_POSTGRES_URL", matches = "postgres(ql)?://.+")
class PostgresIT {

    private static PostgresSchema schema;
    private static RunningServer server;

    @BeforeAll
    static void startOnPostgres() throws SQLException {
        schema = PostgresSchema.create("postgres_it");
        server = RunningServer.start("postgres", RunningServer.withProviders(Map.of(
                "DATABASE_URL", schema.databaseUrl(), "JWT_SECRET_KEY", "postgres-test-" + UUID.randomUUID())));
    }

    @AfterAll
    static void stop() throws SQLException {
        if (server != null) {
            server.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void loginStoresTheUserInPostgresAndTheTokenReadsItBack() throws Exception {
        String subject = "pg-" + UUID.randomUUID();
        RunningServer.google().enqueue(FakeGoogle.Login.as(subject).email("pg@example.com"));
        String token = Logins.accessToken(server, "google");

        var me = Http.withBearer(server.uri("/users/me"), token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(Http.json(me.body()).getString("email")).isEqualTo("pg@example.com");
        assertThat(count("subject = '" + subject + "'")).isEqualTo(1);

        execute("DELETE FROM users WHERE subject = '" + subject + "'");
        assertThat(Http.withBearer(server.uri("/users/me"), token).statusCode()).isEqualTo(401);
    }

    @Test
    void aFacebookLoginWithoutEmailStoresThePlaceholder() throws Exception {
        String id = "pg-fb-" + UUID.randomUUID();
        RunningServer.facebook().enqueue(FakeFacebook.Login.as(id).email(null));
        var callback = Logins.login(new Browser(), server, "facebook");
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
        assertThat(count("subject = '" + id + "' AND email_is_placeholder AND email_verified IS NULL")).isEqualTo(1);
    }

    @Test
    void concurrentLoginsOfTheSamePeopleLeaveOneRowEach() throws Exception {
        String prefix = "pg-concurrent-" + UUID.randomUUID() + "-";
        for (int i = 0; i < 100; i++) {
            RunningServer.google().enqueue(FakeGoogle.Login.as(prefix + (i % 10)).email("p" + (i % 10) + "@example.com"));
        }
        assertThat(Logins.concurrently(server, "google", 100, 16)).hasSize(100).containsOnly(200);
        assertThat(count("subject LIKE '" + prefix + "%'")).isEqualTo(10);
    }

    @Test
    void schemaComesFromThePostgresqlMigrations() throws Exception {
        try (Connection db = connect(); var statement = db.createStatement();
             var result = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            List<String> versions = new ArrayList<>();
            while (result.next()) {
                versions.add(result.getString(1));
            }
            assertThat(versions).startsWith("1", "2").contains("4");
        }
    }

    @Test
    void fiftyConcurrentRefreshesOfOneTokenGiveExactlyOneSuccessor() throws Exception {
        String refreshToken = Http.json(Logins.login(new Browser(), server, "google").body()).getString("refresh_token");
        Set<String> successors = new HashSet<>();
        for (HttpResponse<String> response : Concurrently.run(50, 50, () -> AppSignIn.refresh(server, refreshToken))) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            successors.add(Http.json(response.body()).getString("refresh_token"));
        }
        assertThat(successors).hasSize(1);
    }

    @Test
    void anAppSignInCodeIsRedeemedOnceAndLogoutEndsTheSession() {
        AppSignIn app = new AppSignIn();
        String code = app.code(server, "facebook");
        var tokens = app.redeem(server, code);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(app.redeem(server, code).statusCode()).isEqualTo(400);
        String access = Http.json(tokens.body()).getString("access_token");
        assertThat(Http.withBearer(server.uri("/users/me"), access).statusCode()).isEqualTo(401);
    }

    @Test
    void racingSdkSignInsWithOneIdTokenGiveExactlyOne200() throws Exception {
        String idToken = RunningServer.google().idToken(FakeGoogle.Login.as("pg-sdk-" + UUID.randomUUID())
                .azp(RunningServer.GOOGLE_ANDROID_CLIENT_ID).nonce(SdkSignIns.hashed(SdkSignIns.nonce(server))));
        assertThat(SdkSignIns.racing(16, () -> SdkSignIns.post(server, "google", "id_token", idToken)))
                .containsOnly(200, 401)
                .filteredOn(status -> status == 200).hasSize(1);
    }

    @Test
    void deletingAnAccountTakesItsSessionsTokensAndCodesAlongOnPostgres() throws Exception {
        String subject = "pg-leaver-" + UUID.randomUUID();
        RunningServer.google().enqueue(FakeGoogle.Login.as(subject));
        var phone = Http.json(Logins.login(new Browser(), server, "google").body());
        RunningServer.google().enqueue(FakeGoogle.Login.as(subject));
        var tablet = Http.json(Logins.login(new Browser(), server, "google").body());
        RunningServer.google().enqueue(FakeGoogle.Login.as(subject));
        new AppSignIn().code(server, "google");
        long id = Accounts.userOf(phone.getString("access_token"));
        assertThat(rows("SELECT COUNT(*) FROM sessions WHERE user_id = ?", id)).isEqualTo(2);
        assertThat(rows("SELECT COUNT(*) FROM authorization_codes WHERE user_id = ?", id)).isEqualTo(1);

        assertThat(Accounts.deleteMe(server, tablet.getString("access_token")).statusCode()).isEqualTo(204);

        assertThat(rows("SELECT COUNT(*) FROM users WHERE id = ?", id)).isZero();
        assertThat(rows("SELECT COUNT(*) FROM sessions WHERE user_id = ?", id)).isZero();
        assertThat(rows("SELECT COUNT(*) FROM authorization_codes WHERE user_id = ?", id)).isZero();
        for (var device : List.of(phone, tablet)) {
            assertThat(rows("SELECT COUNT(*) FROM refresh_tokens WHERE session_id = ?",
                    Accounts.sessionOf(device.getString("access_token")))).isZero();
            assertThat(Http.withBearer(server.uri("/users/me"), device.getString("access_token")).statusCode())
                    .isEqualTo(401);
            assertThat(AppSignIn.refresh(server, device.getString("refresh_token")).statusCode()).isEqualTo(400);
        }
        RunningServer.google().enqueue(FakeGoogle.Login.as(subject));
        assertThat(Accounts.userOf(Logins.accessToken(server, "google"))).isGreaterThan(id);
    }

    @Test
    void metasDeletionRequestDeletesAndKeepsOnlyTheReceiptOnPostgres() throws Exception {
        String facebookId = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
        RunningServer.facebook().enqueue(FakeFacebook.Login.as(facebookId));
        Logins.accessToken(server, "facebook");

        var response = Accounts.dataDeletion(server, SignedRequests.forUser(facebookId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String code = Http.json(response.body()).getString("confirmation_code");
        assertThat(count("provider = 'facebook' AND subject = '" + facebookId + "'")).isZero();
        assertThat(rows("SELECT COUNT(*) FROM deletion_confirmations WHERE code = ? AND status = 'deleted'", code))
                .isEqualTo(1);
        assertThat(Http.get(server.uri("/auth/facebook/data-deletion/" + code)).statusCode()).isEqualTo(200);
    }

    @Test
    void startupLineNamesTheDatabaseWithoutItsPassword() {
        DatabaseUrl database = schema.parsed();
        assertThat(database.password()).isPresent();
        assertThat(server.log()).contains("database " + database.display()).doesNotContain(database.password().get());
    }

    private static int count(String where) throws SQLException {
        return schema.count("users", where);
    }

    private static int rows(String countQuery, Object parameter) throws SQLException {
        try (Connection db = connect(); var statement = db.prepareStatement(countQuery)) {
            statement.setObject(1, parameter);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static void execute(String sql) throws SQLException {
        schema.execute(sql);
    }

    private static Connection connect() throws SQLException {
        return schema.connect();
    }
}
