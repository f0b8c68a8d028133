package com.nextarget.server.launch;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLogFormatterTest {

    private final JsonLogFormatter formatter = new JsonLogFormatter();

    @Test
    void aRecordIsOneLineOfJsonWithTimeLevelLoggerAndMessage() {
        LogRecord record = new LogRecord(Level.WARNING, "Boot Command set returned\n  with \"quotes\"\tand\u0001 {0}");
        record.setLoggerName("fish.payara.boot");
        record.setInstant(Instant.parse("2026-11-27T17:52:27.352Z"));
        record.setParameters(new Object[] {"x"});
        String line = formatter.format(record);
        assertThat(line).endsWith("}\n");
        assertThat(line.strip()).doesNotContain("\n");
        JsonObject json = parse(line);
        assertThat(OffsetDateTime.parse(json.getString("time")).toInstant())
                .isEqualTo(Instant.parse("2026-11-27T17:52:27.352Z"));
        assertThat(json.getString("level")).isEqualTo("warn");
        assertThat(json.getString("logger")).isEqualTo("fish.payara.boot");
        assertThat(json.getString("message")).isEqualTo("Boot Command set returned\n  with \"quotes\"\tand\u0001 x");
    }

    @Test
    void theFieldsOfAMapParameterBecomeFieldsOfTheLine() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", "GET");
        fields.put("status", 200);
        fields.put("duration_ms", 1.25);
        LogRecord record = new LogRecord(Level.INFO, "GET /health 200");
        record.setParameters(new Object[] {fields});
        JsonObject json = parse(formatter.format(record));
        assertThat(json.getString("message")).isEqualTo("GET /health 200");
        assertThat(json.getString("method")).isEqualTo("GET");
        assertThat(json.getInt("status")).isEqualTo(200);
        assertThat(json.getJsonNumber("duration_ms").doubleValue()).isEqualTo(1.25);
    }

    @Test
    void anExceptionIsNamedWithoutItsMessageOrStackTrace() {
        LogRecord record = new LogRecord(Level.SEVERE, "request failed");
        record.setThrown(new IllegalArgumentException("code=4/0AX-secret"));
        String line = formatter.format(record);
        JsonObject json = parse(line);
        assertThat(json.getString("level")).isEqualTo("error");
        assertThat(json.getString("exception")).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(line).doesNotContain("secret").doesNotContain("JsonLogFormatterTest");
    }

    @Test
    void timesAreRfc3339InUtcWithMilliseconds() {
        assertThat(formatter.time(Instant.parse("2026-11-27T17:52:27.005Z").toEpochMilli()))
                .isEqualTo("2026-11-27T17:52:27.005Z");
        assertThat(formatter.time(Instant.parse("2026-11-27T17:52:27.352Z").toEpochMilli()))
                .isEqualTo("2026-11-27T17:52:27.352Z");
        assertThat(formatter.time(Instant.parse("2026-12-31T23:59:59.999Z").toEpochMilli()))
                .isEqualTo("2026-12-31T23:59:59.999Z");
        assertThat(formatter.time(Instant.parse("2027-01-01T00:00:00Z").toEpochMilli()))
                .isEqualTo("2027-01-01T00:00:00.000Z");
    }

    @Test
    void levelsUseTheUsualNames() {
        assertThat(JsonLogFormatter.level(Level.SEVERE)).isEqualTo("error");
        assertThat(JsonLogFormatter.level(Level.INFO)).isEqualTo("info");
        assertThat(JsonLogFormatter.level(Level.CONFIG)).isEqualTo("debug");
        assertThat(JsonLogFormatter.level(Level.FINEST)).isEqualTo("trace");
    }

    @Test
    void theJsonConfigurationKeepsPayarasLevelsAndHasOnlyTheJsonHandler(@TempDir Path runtime) throws Exception {
        Files.createDirectories(runtime.resolve("config"));
        Files.writeString(runtime.resolve("config/logging.properties"), """
                handlers=java.util.logging.ConsoleHandler
                java.util.logging.ConsoleHandler.formatter=com.sun.enterprise.server.logging.UniformLogFormatter
                jakarta.enterprise.system.core.level=INFO
                """);
        var properties = LogFormat.jsonConfiguration(runtime);
        assertThat(properties.getProperty("handlers")).isEqualTo(StdoutJsonHandler.class.getName());
        assertThat(properties.getProperty("jakarta.enterprise.system.core.level")).isEqualTo("INFO");
        assertThat(properties.stringPropertyNames()).noneMatch(key -> key.startsWith("java.util.logging.ConsoleHandler"));
    }

    private static JsonObject parse(String line) {
        try (var reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }
}
