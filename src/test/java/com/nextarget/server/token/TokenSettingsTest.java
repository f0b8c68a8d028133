package com.nextarget.server.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenSettingsTest {

    @Test
    void wholeAndDecimalMinutesAreLifetimes() {
        assertThat(TokenSettings.minutes("X", "60")).isEqualTo(Duration.ofHours(1));
        assertThat(TokenSettings.minutes("X", " 0.05 ")).isEqualTo(Duration.ofSeconds(3));
        assertThat(TokenSettings.minutes("X", "43200")).isEqualTo(Duration.ofDays(30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "0.001", "NaN", "Infinity", "1e12"})
    void zeroNegativeOrAbsurdLifetimesAreRefusedByName(String value) {
        assertThatThrownBy(() -> TokenSettings.minutes("ACCESS_TOKEN_EXPIRE_MINUTES", value))
                .hasMessageStartingWith("ACCESS_TOKEN_EXPIRE_MINUTES must be a positive number of minutes");
    }

    @Test
    void aNonNumericLifetimeIsRefusedByName() {
        assertThatThrownBy(() -> TokenSettings.minutes("REFRESH_TOKEN_EXPIRE_MINUTES", "sixty"))
                .hasMessage("REFRESH_TOKEN_EXPIRE_MINUTES must be a number of minutes, not \"sixty\"");
    }
}
