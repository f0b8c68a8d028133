package com.nextarget.server.token;

import com.nextarget.server.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Refresh sessions: one per sign-in of one device. A session hands out rotating, single-use refresh tokens; the one
 * just spent may be presented again for {@link #RETRY_WINDOW} and then gets the same successor (a lost response or
 * two racing requests of one app do not sign the person out); presented later it is taken as stolen and ends the
 * session. Ending a session deletes its row, which every access token's {@code sid} is checked against.
 */
@ApplicationScoped
public class Sessions {

    public static final Duration RETRY_WINDOW = Duration.ofSeconds(10);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);

    @Inject
    Transactions transactions;

    @Inject
    SessionRepository repository;

    @Inject
    RefreshTokenCodec codec;

    @Inject
    AccessTokenIssuer issuer;

    @Inject
    TokenSettings settings;

    @Inject
    Clock clock;

    @Inject
    Event<RefreshFinished> refreshes;

    private final AtomicLong nextPrune = new AtomicLong();

    /** Starts a session for a user who just signed in; its first token response. */
    public TokenResponse start(long userId) {
        return issue(transactions.write(em -> start(em, userId)));
    }

    /** A session started inside the caller's transaction; {@link #issue} it once that has committed. */
    public NewSession start(EntityManager em, long userId) {
        pruneNowAndThen(em);
        NewSession session = new NewSession(userId, OpaqueValues.random(128), RefreshTokenCodec.fresh());
        repository.create(em, session.id(), userId, RefreshTokenCodec.hash(session.refreshToken()), clock.millis());
        return session;
    }

    public record NewSession(long userId, String id, String refreshToken) {
    }

    public TokenResponse issue(NewSession session) {
        return issuer.issueFor(session.userId(), session.id(), session.refreshToken());
    }

    /** {@code grant_type=refresh_token}: spends the token and answers the session's next one. */
    public TokenResponse refresh(String refreshToken) {
        Rotation rotation = transactions.write(em -> rotate(em, refreshToken));
        refreshes.fire(new RefreshFinished(rotation.outcome()));
        if (rotation.nextToken() == null) {
            throw OAuthProblem.invalidGrant(rotation.outcome().equals("reuse")
                    ? "The refresh token was already used: the session is ended, sign in again"
                    : "The refresh token is unknown, expired or of an ended session");
        }
        return issuer.issueFor(rotation.token().userId(), rotation.token().sessionId(), rotation.nextToken());
    }

    private record Rotation(String outcome, SessionRepository.StoredToken token, String nextToken) {
    }

    private Rotation rotate(EntityManager em, String refreshToken) {
        String hash = RefreshTokenCodec.hash(refreshToken);
        long now = clock.millis();
        Optional<SessionRepository.StoredToken> found = repository.findToken(em, hash);
        if (found.isEmpty()) {
            return new Rotation("invalid", null, null);
        }
        SessionRepository.StoredToken token = found.get();
        if (token.spentAt() == null) {
            if (now - token.issuedAt() >= settings.refreshLifetime().toMillis()) {
                return new Rotation("invalid", token, null);
            }
            if (repository.spend(em, hash, now)) {
                String next = codec.successorOf(refreshToken);
                repository.addToken(em, token.sessionId(), RefreshTokenCodec.hash(next), now);
                return new Rotation("success", token, next);
            }
            // spent by a concurrent request that committed first: read what it wrote
            token = repository.findToken(em, hash).orElse(null);
            if (token == null || token.spentAt() == null) {
                return new Rotation("invalid", null, null);
            }
        }
        if (now - token.spentAt() <= RETRY_WINDOW.toMillis()) {
            return new Rotation("retry", token, codec.successorOf(refreshToken));
        }
        // RFC 6819 5.2.2.3 and OAuth 2.0 Security BCP 4.14: a spent token presented again was copied; end the session
        repository.delete(em, token.sessionId());
        return new Rotation("reuse", token, null);
    }

    /** Ends the session an access token belongs to (logout). */
    public void end(String sessionId) {
        transactions.write(em -> repository.delete(em, sessionId));
    }

    /** RFC 7009: ends the session of a refresh token, current or spent; unknown tokens are no error. */
    public void revoke(String refreshToken) {
        String hash = RefreshTokenCodec.hash(refreshToken);
        transactions.write(em -> repository.findToken(em, hash)
                .map(token -> repository.delete(em, token.sessionId()))
                .orElse(false));
    }

    /** Every session of a user (Facebook deauthorization, account deletion). */
    public int endAllOf(long userId) {
        return transactions.write(em -> repository.deleteAllOf(em, userId));
    }

    private void pruneNowAndThen(EntityManager em) {
        long now = clock.millis();
        long due = nextPrune.get();
        if (now >= due && nextPrune.compareAndSet(due, now + PRUNE_EVERY.toMillis())) {
            repository.deleteIdleSince(em, now - settings.refreshLifetime().toMillis());
        }
    }
}
