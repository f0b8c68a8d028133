package com.nextarget.server.token;

import com.nextarget.server.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/**
 * The only gateway to the sessions and refresh_tokens tables. Methods take the caller's EntityManager, so that a
 * rotation's reads and writes share one transaction ({@code db.Transactions}).
 */
@ApplicationScoped
public class SessionRepository {

    /** A refresh token as stored: whose session it belongs to, when it was issued and, once spent, when. */
    public record StoredToken(String sessionId, long userId, long issuedAt, Long spentAt) {
    }

    public void create(EntityManager em, String sessionId, long userId, String tokenHash, long now) {
        em.createNativeQuery("INSERT INTO sessions (id, user_id, created_at) VALUES (?, ?, ?)")
                .setParameter(1, sessionId).setParameter(2, userId).setParameter(3, now)
                .executeUpdate();
        addToken(em, sessionId, tokenHash, now);
    }

    public void addToken(EntityManager em, String sessionId, String tokenHash, long now) {
        em.createNativeQuery("INSERT INTO refresh_tokens (hash, session_id, issued_at) VALUES (?, ?, ?)")
                .setParameter(1, tokenHash).setParameter(2, sessionId).setParameter(3, now)
                .executeUpdate();
    }

    public Optional<StoredToken> findToken(EntityManager em, String tokenHash) {
        return Transactions.firstRow(em.createNativeQuery("""
                        SELECT t.session_id, s.user_id, t.issued_at, t.spent_at
                        FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
                        WHERE t.hash = ?""")
                .setParameter(1, tokenHash))
                .map(columns -> {
                    return new StoredToken((String) columns[0], ((Number) columns[1]).longValue(),
                            ((Number) columns[2]).longValue(),
                            columns[3] == null ? null : ((Number) columns[3]).longValue());
                });
    }

    /** Marks an unspent token spent; false when another request spent it first (the update is the arbiter). */
    public boolean spend(EntityManager em, String tokenHash, long now) {
        return em.createNativeQuery("UPDATE refresh_tokens SET spent_at = ? WHERE hash = ? AND spent_at IS NULL")
                .setParameter(1, now).setParameter(2, tokenHash)
                .executeUpdate() == 1;
    }

    /** Ends a session: its row goes, and with it (ON DELETE CASCADE) every refresh token it was given. */
    public boolean delete(EntityManager em, String sessionId) {
        return em.createNativeQuery("DELETE FROM sessions WHERE id = ?")
                .setParameter(1, sessionId)
                .executeUpdate() == 1;
    }

    public int deleteAllOf(EntityManager em, long userId) {
        return em.createNativeQuery("DELETE FROM sessions WHERE user_id = ?")
                .setParameter(1, userId)
                .executeUpdate();
    }

    /** Sessions whose current refresh token has waited unused longer than its lifetime can never be refreshed. */
    public int deleteIdleSince(EntityManager em, long cutoff) {
        return em.createNativeQuery("""
                        DELETE FROM sessions WHERE id IN (
                            SELECT session_id FROM refresh_tokens WHERE spent_at IS NULL AND issued_at < ?)""")
                .setParameter(1, cutoff)
                .executeUpdate();
    }
}
