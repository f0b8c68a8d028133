package com.nextarget.server.auth;

import com.nextarget.server.db.Transactions;
import com.nextarget.server.error.ProblemException;
import com.nextarget.server.token.OpaqueValues;
import com.nextarget.server.user.IdentityProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code state} of a login (RFC 6749 10.12) and what its callback needs, kept in the database so that any
 * instance can finish a login another one started. The login is bound to the browser that started it by a random
 * value in an HttpOnly cookie, of which the database holds only the hash. A callback deletes the row in the same
 * statement that reads it, so a state is good for exactly one callback, and only within {@link #LIFETIME}.
 */
@ApplicationScoped
public class PendingLogins {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    public static final String COOKIE = "nextarget_login";
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    @Inject
    Transactions transactions;

    @Inject
    LoginCookies cookies;

    @Inject
    Clock clock;

    private final AtomicLong nextPrune = new AtomicLong();

    /** 256 random bits, URL-safe: for {@code state} and {@code nonce}. */
    public static String randomValue() {
        return OpaqueValues.random(256);
    }

    /** Records a login and returns the {@code Set-Cookie} value that binds it to this browser. */
    public String begin(IdentityProvider provider, String state, String nonce, AppRequest app) {
        String binding = randomValue();
        long now = clock.millis();
        transactions.write(em -> {
            pruneNowAndThen(em, now);
            return em.createNativeQuery("""
                            INSERT INTO pending_logins (state_hash, provider, nonce, browser_hash, app_redirect_uri,
                                                        code_challenge, app_state, expires_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .setParameter(1, OpaqueValues.hash(state))
                    .setParameter(2, provider.wireName())
                    .setParameter(3, nonce)
                    .setParameter(4, OpaqueValues.hash(binding))
                    .setParameter(5, app == null ? null : app.redirectUri())
                    .setParameter(6, app == null ? null : app.codeChallenge())
                    .setParameter(7, app == null ? null : app.state())
                    .setParameter(8, now + LIFETIME.toMillis())
                    .executeUpdate();
        });
        return cookies.binding(provider, binding, LIFETIME);
    }

    /**
     * Takes the login a callback's {@code state} names, for good. Missing, unknown, spent, expired, of another
     * provider or of another browser: 400, as the contract asks.
     */
    public PendingLogin take(IdentityProvider provider, String state, String browserBinding) {
        if (state == null || state.isEmpty()) {
            throw new ProblemException(400, "Missing state parameter");
        }
        Object[] row = transactions.write(em -> Transactions.firstRow(em.createNativeQuery("""
                        DELETE FROM pending_logins WHERE state_hash = ?
                        RETURNING provider, nonce, browser_hash, app_redirect_uri, code_challenge, app_state, expires_at""")
                .setParameter(1, OpaqueValues.hash(state))).orElse(null));
        if (row == null || !provider.wireName().equals(row[0]) || browserBinding == null
                || !sameHash((String) row[2], OpaqueValues.hash(browserBinding))) {
            throw new ProblemException(400, "Invalid or reused state: start the sign-in again");
        }
        if (clock.millis() > ((Number) row[6]).longValue()) {
            throw new ProblemException(400, "The sign-in took too long: start it again");
        }
        AppRequest app = row[3] == null ? null : new AppRequest((String) row[3], (String) row[4], (String) row[5]);
        return new PendingLogin(provider, (String) row[1], app);
    }

    private void pruneNowAndThen(EntityManager em, long now) {
        long due = nextPrune.get();
        if (now >= due && nextPrune.compareAndSet(due, now + PRUNE_EVERY.toMillis())) {
            em.createNativeQuery("DELETE FROM pending_logins WHERE expires_at < ?").setParameter(1, now).executeUpdate();
        }
    }

    private static boolean sameHash(String expected, String received) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                received.getBytes(StandardCharsets.US_ASCII));
    }
}
