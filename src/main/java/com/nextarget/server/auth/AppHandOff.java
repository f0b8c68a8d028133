package com.nextarget.server.auth;

import com.nextarget.server.db.Transactions;
import com.nextarget.server.token.OAuthProblem;
import com.nextarget.server.token.OpaqueValues;
import com.nextarget.server.token.SessionRepository;
import com.nextarget.server.token.Sessions;
import com.nextarget.server.token.TokenResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The hand-off of an app sign-in (RFC 8252, RFC 7636): the callback gives the app a one-time code on its redirect
 * URI; the app redeems it at the token endpoint with the PKCE verifier. A code lives {@link #CODE_LIFETIME}, is bound
 * to its start's challenge and redirect URI, and is good once: a second presentation ends the session the first one
 * started (RFC 6749 4.1.2). Only the code's hash is stored.
 */
@ApplicationScoped
public class AppHandOff {

    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    /** Redeemed codes are kept this much longer, so that a late replay still ends the session it started. */
    private static final Duration KEEP_AFTER_EXPIRY = Duration.ofMinutes(10);
    // RFC 7636 4.1: 43 to 128 unreserved characters
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    @Inject
    Transactions transactions;

    @Inject
    Sessions sessions;

    @Inject
    SessionRepository sessionRepository;

    @Inject
    Clock clock;

    private final AtomicLong nextPrune = new AtomicLong();

    /** The callback's half: a one-time code for this user, bound to the app's start. */
    public String issueCode(long userId, AppRequest app) {
        String code = OpaqueValues.random(256);
        long now = clock.millis();
        transactions.write(em -> {
            pruneNowAndThen(em, now);
            return em.createNativeQuery("""
                            INSERT INTO authorization_codes (hash, user_id, code_challenge, redirect_uri, expires_at)
                            VALUES (?, ?, ?, ?, ?)""")
                    .setParameter(1, OpaqueValues.hash(code))
                    .setParameter(2, userId)
                    .setParameter(3, app.codeChallenge())
                    .setParameter(4, app.redirectUri())
                    .setParameter(5, now + CODE_LIFETIME.toMillis())
                    .executeUpdate();
        });
        return code;
    }

    /** The token endpoint's half: {@code grant_type=authorization_code}. */
    public TokenResponse redeem(String code, String verifier, String redirectUri) {
        Redemption redemption = transactions.write(em -> redeem(em, code, verifier, redirectUri));
        if (redemption.session() == null) {
            throw OAuthProblem.invalidGrant(redemption.refusal());
        }
        return sessions.issue(redemption.session());
    }

    private record Redemption(Sessions.NewSession session, String refusal) {
        static Redemption refused(String reason) {
            return new Redemption(null, reason);
        }
    }

    private Redemption redeem(EntityManager em, String code, String verifier, String redirectUri) {
        String hash = OpaqueValues.hash(code);
        long now = clock.millis();
        Object[] row = Transactions.firstRow(em.createNativeQuery("""
                        SELECT user_id, code_challenge, redirect_uri, expires_at FROM authorization_codes
                        WHERE hash = ?""")
                .setParameter(1, hash)).orElse(null);
        if (row == null) {
            return Redemption.refused("The code is unknown");
        }
        // the UPDATE decides between two concurrent redemptions; any presentation spends the code
        int marked = em.createNativeQuery(
                        "UPDATE authorization_codes SET redeemed_at = ? WHERE hash = ? AND redeemed_at IS NULL")
                .setParameter(1, now).setParameter(2, hash).executeUpdate();
        if (marked == 0) {
            endSessionOf(em, hash);
            return Redemption.refused("The code was already used: the sign-in it started is ended");
        }
        if (now > ((Number) row[3]).longValue()) {
            return Redemption.refused("The code has expired");
        }
        if (!redirectUri.equals(row[2])) {
            return Redemption.refused("redirect_uri does not match the one the sign-in started with");
        }
        if (!VERIFIER.matcher(verifier).matches() || !matches((String) row[1], verifier)) {
            return Redemption.refused("code_verifier does not match the code_challenge");
        }
        Sessions.NewSession session = sessions.start(em, ((Number) row[0]).longValue());
        em.createNativeQuery("UPDATE authorization_codes SET session_id = ? WHERE hash = ?")
                .setParameter(1, session.id()).setParameter(2, hash).executeUpdate();
        return new Redemption(session, null);
    }

    private void endSessionOf(EntityManager em, String hash) {
        em.createNativeQuery("SELECT session_id FROM authorization_codes WHERE hash = ?")
                .setParameter(1, hash)
                .getResultStream().findFirst()
                .ifPresent(sessionId -> {
                    if (sessionId != null) {
                        sessionRepository.delete(em, (String) sessionId);
                    }
                });
    }

    // RFC 7636 4.6: BASE64URL(SHA256(ASCII(code_verifier))) == code_challenge, compared in constant time
    private static boolean matches(String challenge, String verifier) {
        String computed = OpaqueValues.hash(verifier);
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }

    private void pruneNowAndThen(EntityManager em, long now) {
        long due = nextPrune.get();
        if (now >= due && nextPrune.compareAndSet(due, now + Duration.ofMinutes(1).toMillis())) {
            em.createNativeQuery("DELETE FROM authorization_codes WHERE expires_at < ?")
                    .setParameter(1, now - KEEP_AFTER_EXPIRY.toMillis()).executeUpdate();
        }
    }
}
