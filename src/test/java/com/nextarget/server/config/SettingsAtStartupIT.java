package com.nextarget.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextarget.server.testing.RunningServer;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A setting that could only fail later stops the start with one line that names it. */
class SettingsAtStartupIT {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ACCESS_TOKEN_EXPIRE_MINUTES | 0 | must be a positive number of minutes",
            "REFRESH_TOKEN_EXPIRE_MINUTES | sixty | must be a number of minutes",
            "APP_REDIRECT_URIS | com.app:/cb,oauth2redirect | must be an absolute URI"})
    void anUnusableSettingStopsTheServerWithOneClearLine(String name, String value, String line) throws Exception {
        String directory = "bad-setting-" + UUID.randomUUID();
        assertThatThrownBy(() -> RunningServer.start(directory, Map.of(name, value)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the server exited with 1");
        String log = Files.readString(RunningServer.directory(directory).resolve("server.log"));
        assertThat(log.lines().filter(entry -> entry.contains("NexTarget server cannot start: ")))
                .singleElement().asString().contains(name).contains(line);
    }
}
