package com.nextarget.server.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextarget.server.auth.ProviderClient;
import com.nextarget.server.error.ProblemException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An issuer's JWKS on loopback, read through the real ProviderClient. */
class KeySourceTest {

    private final AtomicInteger fetches = new AtomicInteger();
    private volatile int status = 200;
    private volatile JWKSet published;
    private HttpServer jwks;

    @BeforeEach
    void serveKeys() throws Exception {
        published = new JWKSet(rsaKey("key-1").toPublicJWK());
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    @Test
    void keysAreFetchedOnceAndCached() {
        KeySource keys = source(Duration.ZERO);
        assertThat(keys.keys(byKid("key-1"))).hasSize(1);
        assertThat(keys.keys(byKid("key-1"))).hasSize(1);
        assertThat(fetches).hasValue(1);
    }

    @Test
    void unknownKidRefreshesTheKeys() throws Exception {
        KeySource keys = source(Duration.ZERO);
        assertThat(keys.keys(byKid("key-1"))).hasSize(1);
        published = new JWKSet(rsaKey("key-2").toPublicJWK());
        assertThat(keys.keys(byKid("key-2"))).hasSize(1);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void rateLimitedSourceCountsTooManyUnknownKidsAsUnpublished() {
        KeySource keys = source(Duration.ofMinutes(1));
        assertThat(keys.keys(byKid("key-1"))).hasSize(1);
        for (int i = 0; i < 10; i++) {
            assertThat(keys.keys(byKid("made-up-" + i))).isEmpty();
        }
        assertThat(fetches.get()).isLessThanOrEqualTo(2);
        assertThat(keys.keys(byKid("key-1"))).hasSize(1);
    }

    @Test
    void issuerAnsweringAnErrorIs502() {
        status = 500;
        assertThatThrownBy(() -> source(Duration.ZERO).keys(byKid("key-1")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(502))
                .hasMessageContaining("Test issuer");
    }

    @Test
    void unreachableIssuerIs502() {
        int port = jwks.getAddress().getPort();
        jwks.stop(0);
        KeySource keys = new KeySource("Test issuer", () -> "http://127.0.0.1:" + port + "/jwks", new ProviderClient(),
                Duration.ZERO);
        assertThatThrownBy(() -> keys.keys(byKid("key-1")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(502));
    }

    private KeySource source(Duration minRefreshInterval) {
        return new KeySource("Test issuer", () -> "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks",
                new ProviderClient(), minRefreshInterval);
    }

    private static JWKSelector byKid(String kid) {
        return new JWKSelector(new JWKMatcher.Builder().keyID(kid).build());
    }

    private static RSAKey rsaKey(String kid) throws Exception {
        return new RSAKeyGenerator(2048).keyID(kid).generate();
    }
}
