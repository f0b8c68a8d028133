package com.nextarget.server.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Access tokens that MicroProfile JWT has already verified, with the caller it made of them, until they expire.
 * Verifying an ES256 signature costs about a millisecond of CPU, most of what a {@code /users/me} request costs;
 * a token's signature, issuer and expiry never change, so a token verified once needs no second verification.
 * Only the token's own validity is remembered: whether its user still exists is checked on every request.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** The clock skew MicroProfile JWT allows on {@code exp} (mp.jwt.verify.clock.skew). */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    static final int CAPACITY = 10_000;

    public record Caller(Principal principal, Set<String> groups, Instant usableUntil) {
    }

    private final Map<String, Caller> callers = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    public Optional<Caller> find(String token) {
        Caller caller = callers.get(token);
        if (caller == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(caller.usableUntil())) {
            callers.remove(token);
            return Optional.empty();
        }
        return Optional.of(caller);
    }

    /** Remembers a token MicroProfile JWT accepted; only JsonWebToken callers, whose expiry is known, are kept. */
    public void remember(String token, Principal principal, Set<String> groups) {
        if (!(principal instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        if (callers.size() >= CAPACITY) {
            evictExpired();
            if (callers.size() >= CAPACITY) {
                // full of live tokens: start over rather than grow; the next requests verify again
                callers.clear();
            }
        }
        Instant usableUntil = Instant.ofEpochSecond(jwt.getExpirationTime()).plus(CLOCK_SKEW);
        callers.put(token, new Caller(principal, Set.copyOf(groups), usableUntil));
    }

    private void evictExpired() {
        Instant now = clock.instant();
        callers.values().removeIf(caller -> !now.isBefore(caller.usableUntil()));
    }

    int size() {
        return callers.size();
    }
}
