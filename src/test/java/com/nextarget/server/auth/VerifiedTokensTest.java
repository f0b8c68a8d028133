package com.nextarget.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void verifiedTokenIsFoundWithItsCaller() {
        VerifiedTokens tokens = at(NOW);
        JsonWebToken caller = jwt("7", NOW.plusSeconds(600));
        tokens.remember("token", caller, Set.of("user"));
        assertThat(tokens.find("token")).hasValueSatisfying(found -> {
            assertThat(found.principal()).isSameAs(caller);
            assertThat(found.groups()).containsExactly("user");
        });
        assertThat(tokens.find("another-token")).isEmpty();
    }

    @Test
    void tokenIsForgottenOnceExpiredBeyondTheClockSkew() {
        VerifiedTokens tokens = at(NOW);
        tokens.remember("token", jwt("7", NOW.plusSeconds(10)), Set.of("user"));
        tokens.clock = Clock.fixed(NOW.plusSeconds(10 + 59), ZoneOffset.UTC);
        assertThat(tokens.find("token")).isPresent();
        tokens.clock = Clock.fixed(NOW.plusSeconds(10 + 60), ZoneOffset.UTC);
        assertThat(tokens.find("token")).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void callerWhoseExpiryIsUnknownIsNotRemembered() {
        VerifiedTokens tokens = at(NOW);
        Principal plain = () -> "7";
        tokens.remember("token", plain, Set.of("user"));
        assertThat(tokens.find("token")).isEmpty();
    }

    @Test
    void aFullCacheDoesNotGrow() {
        VerifiedTokens tokens = at(NOW);
        for (int i = 0; i <= VerifiedTokens.CAPACITY; i++) {
            tokens.remember("token-" + i, jwt("7", NOW.plusSeconds(600)), Set.of("user"));
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(VerifiedTokens.CAPACITY);
        assertThat(tokens.find("token-" + VerifiedTokens.CAPACITY)).isPresent();
    }

    private static VerifiedTokens at(Instant now) {
        VerifiedTokens tokens = new VerifiedTokens();
        tokens.clock = Clock.fixed(now, ZoneOffset.UTC);
        return tokens;
    }

    private static JsonWebToken jwt(String subject, Instant expiry) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return subject;
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of(Claims.sub.name(), Claims.exp.name());
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) switch (claimName) {
                    case "sub" -> subject;
                    case "exp" -> (Object) expiry.getEpochSecond();
                    default -> null;
                };
            }
        };
    }
}
