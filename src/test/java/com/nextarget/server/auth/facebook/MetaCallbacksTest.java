package com.nextarget.server.auth.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetaCallbacksTest {

    @Test
    void theStatusUrlLivesAtTheOriginOfTheRedirectUri() {
        assertThat(MetaCallbacks.origin("https://api.example.com/auth/facebook/callback"))
                .isEqualTo("https://api.example.com");
        assertThat(MetaCallbacks.origin("HTTP://127.0.0.1:8000/auth/facebook/callback?x=1"))
                .isEqualTo("http://127.0.0.1:8000");
        assertThat(MetaCallbacks.origin("https://user@API.Example.com:8443/a#b")).isEqualTo("https://api.example.com:8443");
    }
}
