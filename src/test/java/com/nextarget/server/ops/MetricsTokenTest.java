package com.nextarget.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsTokenTest {

    @Test
    void withoutATokenEveryScrapeIsAdmitted() {
        assertThat(token(null).admits(null)).isTrue();
        assertThat(token("  ").admits(null)).isTrue();
    }

    @Test
    void withATokenOnlyThatBearerTokenIsAdmitted() {
        MetricsToken token = token("s3cret");
        assertThat(token.admits("Bearer s3cret")).isTrue();
        assertThat(token.admits("bearer s3cret")).isTrue();
        assertThat(token.admits(null)).isFalse();
        assertThat(token.admits("Bearer s3cre")).isFalse();
        assertThat(token.admits("Bearer s3cretx")).isFalse();
        assertThat(token.admits("Basic s3cret")).isFalse();
        assertThat(token.admits("s3cret")).isFalse();
    }

    private static MetricsToken token(String configured) {
        MetricsToken token = new MetricsToken();
        token.configured = Optional.ofNullable(configured);
        return token;
    }
}
