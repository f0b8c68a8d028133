package com.nextarget.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void noSettingMeansTheSqliteFileUnderData() {
        DatabaseUrl url = DatabaseUrl.parse(Optional.empty());
        assertThat(url.kind()).isEqualTo(DatabaseUrl.Kind.SQLITE);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:sqlite:data/nextarget.db");
        assertThat(url.sqliteFile()).contains(Path.of("data/nextarget.db"));
    }

    @Test
    void blankSettingIsTheDefault() {
        assertThat(DatabaseUrl.parse(Optional.of("  ")).jdbcUrl()).isEqualTo("jdbc:sqlite:data/nextarget.db");
    }

    @Test
    void jdbcSqliteIsKept() {
        assertThat(DatabaseUrl.parse(Optional.of("jdbc:sqlite:/var/lib/app.db")).jdbcUrl())
                .isEqualTo("jdbc:sqlite:/var/lib/app.db");
    }

    @Test
    void sqlalchemyRelativeFormBecomesJdbc() {
        DatabaseUrl url = DatabaseUrl.parse(Optional.of("sqlite:///./data/app.db"));
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:sqlite:./data/app.db");
        assertThat(url.sqliteFile()).contains(Path.of("./data/app.db"));
    }

    @Test
    void renderPostgresFormMovesCredentialsOutOfTheUrl() {
        DatabaseUrl url = DatabaseUrl.parse(Optional.of("postgres://ada:s%40cret@db.internal:5433/nextarget"));
        assertThat(url.kind()).isEqualTo(DatabaseUrl.Kind.POSTGRESQL);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/nextarget");
        assertThat(url.user()).contains("ada");
        assertThat(url.password()).contains("s@cret");
    }

    @Test
    void renderFormWithoutPortKeepsTheDefaultPort() {
        assertThat(DatabaseUrl.parse(Optional.of("postgres://u:p@host/db")).jdbcUrl())
                .isEqualTo("jdbc:postgresql://host/db");
    }

    @Test
    void jdbcPostgresqlIsKeptAndItsDisplayHidesTheQuery() {
        DatabaseUrl url = DatabaseUrl.parse(Optional.of("jdbc:postgresql://host:5432/db?user=u&password=secret"));
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db?user=u&password=secret");
        assertThat(url.display()).isEqualTo("jdbc:postgresql://host:5432/db").doesNotContain("secret");
    }

    @Test
    void displayNeverShowsThePassword() {
        DatabaseUrl url = DatabaseUrl.parse(Optional.of("postgres://ada:topsecret@host:5432/db"));
        assertThat(url.display()).doesNotContain("topsecret").doesNotContain("ada");
        assertThat(url.toString()).doesNotContain("topsecret");
    }

    @Test
    void unknownSchemeIsRefused() {
        assertThatThrownBy(() -> DatabaseUrl.parse(Optional.of("mysql://host/db")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("host");
    }
}
