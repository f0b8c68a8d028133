package com.nextarget.server.auth;

import com.nextarget.server.db.Transactions;
import com.nextarget.server.token.OpaqueValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The nonces an app passes to a provider's SDK, which puts them in the id_token it signs: issued by this server, good
 * for one sign-in within {@link #LIFETIME}, on any instance. A nonce is kept as the lowercase hex SHA-256 of its value,
 * because that is the very form an SDK that hashes the nonce (Firebase, Google Sign-In and Limited Login on iOS) puts
 * in the token: one indexed lookup finds either form, and the raw value never rests in the database.
 */
@ApplicationScoped
public class SdkNonces {

    public static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    private final AtomicLong nextPrune = new AtomicLong();

    /** A fresh nonce: 256 random bits, base64url. */
    public String issue() {
        String nonce = OpaqueValues.random(256);
        long now = clock.millis();
        transactions.write(em -> {
            pruneNowAndThen(em, now);
            return em.createNativeQuery("INSERT INTO sdk_nonces (hash, expires_at) VALUES (?, ?)")
                    .setParameter(1, hexSha256(nonce))
                    .setParameter(2, now + LIFETIME.toMillis())
                    .executeUpdate();
        });
        return nonce;
    }

    /**
     * Spends the nonce an id_token carries, raw or hashed: true for exactly one caller while it is unused and
     * unexpired. The DELETE decides between concurrent sign-ins with the same nonce.
     */
    public boolean spend(String nonceClaim) {
        String hashed = hexSha256(nonceClaim);
        String asSent = HEX_SHA256.matcher(nonceClaim).matches() ? nonceClaim : hashed;
        long now = clock.millis();
        int spent = transactions.write(em -> em.createNativeQuery(
                        "DELETE FROM sdk_nonces WHERE hash IN (?, ?) AND expires_at > ?")
                .setParameter(1, hashed)
                .setParameter(2, asSent)
                .setParameter(3, now)
                .executeUpdate());
        return spent > 0;
    }

    static String hexSha256(String value) {
        return HexFormat.of().formatHex(OpaqueValues.sha256(value));
    }

    private void pruneNowAndThen(EntityManager em, long now) {
        long due = nextPrune.get();
        if (now >= due && nextPrune.compareAndSet(due, now + PRUNE_EVERY.toMillis())) {
            em.createNativeQuery("DELETE FROM sdk_nonces WHERE expires_at <= ?").setParameter(1, now).executeUpdate();
        }
    }
}
