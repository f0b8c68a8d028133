package com.nextarget.server.testing;

import java.sql.SQLException;

/**
 * Users written straight into a server's database, for tests about tokens rather than logins; each gets one session,
 * {@link #sessionOf}, which {@link TestTokens#claims} puts in the tokens it makes.
 */
public final class Users {

    private Users() {
    }

    public static long insert(RunningServer server, String provider, String subject, String email) throws SQLException {
        long now = System.currentTimeMillis();
        try (var db = server.database(); var statement = db.prepareStatement("""
                INSERT INTO users (provider, subject, email, email_is_placeholder, created_at, last_login_at)
                VALUES (?, ?, ?, 0, ?, ?)
                ON CONFLICT (provider, subject) DO UPDATE SET email = excluded.email
                RETURNING id""")) {
            statement.setString(1, provider);
            statement.setString(2, subject);
            statement.setString(3, email);
            statement.setLong(4, now);
            statement.setLong(5, now);
            long id;
            try (var result = statement.executeQuery()) {
                result.next();
                id = result.getLong(1);
            }
            try (var session = db.prepareStatement(
                    "INSERT INTO sessions (id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                session.setString(1, sessionOf(id));
                session.setLong(2, id);
                session.setLong(3, now);
                session.executeUpdate();
            }
            return id;
        }
    }

    public static String sessionOf(long userId) {
        return "test-session-" + userId;
    }

    public static void delete(RunningServer server, long id) throws SQLException {
        try (var db = server.database(); var statement = db.prepareStatement("DELETE FROM users WHERE id = ?")) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
    }

    public static int count(RunningServer server, String whereClause) throws SQLException {
        try (var db = server.database(); var statement = db.createStatement();
             var result = statement.executeQuery("SELECT COUNT(*) FROM users WHERE " + whereClause)) {
            result.next();
            return result.getInt(1);
        }
    }
}
