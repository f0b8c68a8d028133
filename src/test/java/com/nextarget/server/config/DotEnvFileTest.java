package com.nextarget.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DotEnvFileTest {

    @Test
    void readsKeyValueLinesAndSkipsComments() {
        var values = DotEnvFile.parse("""
                # a comment
                PORT=9000

                JWT_ISSUER = issuer-with-spaces-around
                export GOOGLE_CLIENT_ID=abc
                """);
        assertThat(values).containsEntry("PORT", "9000")
                .containsEntry("JWT_ISSUER", "issuer-with-spaces-around")
                .containsEntry("GOOGLE_CLIENT_ID", "abc")
                .hasSize(3);
    }

    @Test
    void quotedValuesKeepHashesAndSpaces() {
        var values = DotEnvFile.parse("A=\"x # y\"\nB='single quoted'\nC=plain # trailing comment");
        assertThat(values).containsEntry("A", "x # y").containsEntry("B", "single quoted").containsEntry("C", "plain");
    }

    @Test
    void valueMayContainEqualsSigns() {
        assertThat(DotEnvFile.parse("DATABASE_URL=jdbc:postgresql://h/db?user=a&password=b=c"))
                .containsEntry("DATABASE_URL", "jdbc:postgresql://h/db?user=a&password=b=c");
    }

    @Test
    void linesWithoutKeyAreIgnored() {
        assertThat(DotEnvFile.parse("=value\nnot a setting\n")).isEmpty();
    }
}
