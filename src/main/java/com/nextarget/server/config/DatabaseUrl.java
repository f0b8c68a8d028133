package com.nextarget.server.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code DATABASE_URL} in any of the contract's forms, as a JDBC URL with separate credentials, plus a form for
 * the log that never shows a password.
 */
public record DatabaseUrl(Kind kind, String jdbcUrl, Optional<String> user, Optional<String> password) {

    public enum Kind { SQLITE, POSTGRESQL }

    public static final String DEFAULT_SQLITE_FILE = "data/nextarget.db";

    public static DatabaseUrl parse(Optional<String> databaseUrl) {
        String url = databaseUrl.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (url == null) {
            return sqlite(DEFAULT_SQLITE_FILE);
        }
        if (url.startsWith("jdbc:sqlite:")) {
            return sqlite(url.substring("jdbc:sqlite:".length()));
        }
        if (url.startsWith("sqlite:///")) {
            return sqlite(url.substring("sqlite:///".length()));
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(Kind.POSTGRESQL, url, Optional.empty(), Optional.empty());
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            return fromRenderForm(URI.create(url));
        }
        throw new IllegalArgumentException(
                "DATABASE_URL must start with jdbc:sqlite:, sqlite:///, jdbc:postgresql: or postgres://");
    }

    /** Render's {@code postgres://user:pass@host:port/db}: credentials move out of the URL. */
    private static DatabaseUrl fromRenderForm(URI uri) {
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("DATABASE_URL needs a host and a database name");
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
        }
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query;
        return new DatabaseUrl(Kind.POSTGRESQL, jdbc, user, password);
    }

    private static DatabaseUrl sqlite(String file) {
        String path = file.startsWith("file:") ? file.substring("file:".length()) : file;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        return new DatabaseUrl(Kind.SQLITE, "jdbc:sqlite:" + path, Optional.empty(), Optional.empty());
    }

    /** The SQLite file, for creating its directory; empty for PostgreSQL and in-memory SQLite. */
    public Optional<Path> sqliteFile() {
        String path = jdbcUrl.substring("jdbc:sqlite:".length());
        if (kind != Kind.SQLITE || path.isEmpty() || path.startsWith(":memory:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(path));
    }

    /** For the log: the URL without credentials or query parameters (which may hold a password). */
    public String display() {
        String withoutQuery = jdbcUrl.contains("?") ? jdbcUrl.substring(0, jdbcUrl.indexOf('?')) : jdbcUrl;
        return withoutQuery.replaceAll("//[^/@]*@", "//");
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return display();
    }
}
