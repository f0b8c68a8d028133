package com.nextarget.server.testing;

import com.nextarget.server.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh, empty schema in the PostgreSQL database that {@code TEST_POSTGRES_URL} names (Render's
 * {@code postgres://user:pass@host:port/db} form; {@code .ci/run} always sets it), so that each test class starts
 * from an empty database and test runs sharing one database do not see each other. Dropped on close.
 */
public final class PostgresSchema implements AutoCloseable {

    public static final String TEST_POSTGRES_URL = System.getenv("TEST_POSTGRES_URL");

    private final String name;
    private final String databaseUrl;
    private final DatabaseUrl parsed;

    private PostgresSchema(String name) {
        if (TEST_POSTGRES_URL == null || TEST_POSTGRES_URL.isBlank()) {
            throw new IllegalStateException("TEST_POSTGRES_URL is not set (.ci/run sets it)");
        }
        this.name = name;
        // pgjdbc's currentSchema sets the search_path: Flyway and every unqualified table name then land in it
        this.databaseUrl = TEST_POSTGRES_URL + (TEST_POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
        this.parsed = DatabaseUrl.parse(Optional.of(databaseUrl));
    }

    /** A new schema named after {@code purpose} plus a random suffix. */
    public static PostgresSchema create(String purpose) throws SQLException {
        String name = "it_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        PostgresSchema schema = new PostgresSchema(name);
        try (Connection db = schema.connect(); var statement = db.createStatement()) {
            statement.execute("CREATE SCHEMA " + name);
        }
        return schema;
    }

    /** DATABASE_URL for a server, in Render's form, pointing into this schema. */
    public String databaseUrl() {
        return databaseUrl;
    }

    /** The same reading of the URL as the server's. */
    public DatabaseUrl parsed() {
        return parsed;
    }

    public String name() {
        return name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(parsed.jdbcUrl(), parsed.user().orElse(null), parsed.password().orElse(null));
    }

    public int count(String table, String whereClause) throws SQLException {
        try (Connection db = connect(); var statement = db.createStatement();
             var result = statement.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + whereClause)) {
            result.next();
            return result.getInt(1);
        }
    }

    public void execute(String sql) throws SQLException {
        try (Connection db = connect(); var statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
}
