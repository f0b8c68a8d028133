package com.nextarget.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void withoutTrustedProxyTheClientIsThePeerWhateverTheHeaderSays() {
        assertThat(ClientAddress.of("10.0.0.1", List.of("203.0.113.9"), false)).isEqualTo("10.0.0.1");
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostEntry() {
        assertThat(ClientAddress.of("10.0.0.1", List.of("198.51.100.1, 203.0.113.9"), true)).isEqualTo("203.0.113.9");
    }

    @Test
    void ofSeveralHeadersTheLastOnesRightMostEntryCounts() {
        assertThat(ClientAddress.of("10.0.0.1", List.of("198.51.100.1", "203.0.113.9 "), true))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void anEmptyLastEntryFallsBackToTheEntryBeforeNotToTheClientsLeftMostOne() {
        assertThat(ClientAddress.of("10.0.0.1", List.of("198.51.100.1, 203.0.113.9", " "), true))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void behindATrustedProxyWithoutTheHeaderTheClientIsThePeer() {
        assertThat(ClientAddress.of("10.0.0.1", List.of(), true)).isEqualTo("10.0.0.1");
    }

    @Test
    void anOverlongAddressIsCutShort() {
        assertThat(ClientAddress.of("10.0.0.1", List.of("x".repeat(500)), true)).hasSize(64);
    }
}
