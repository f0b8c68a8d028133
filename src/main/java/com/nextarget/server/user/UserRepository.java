package com.nextarget.server.user;

import com.nextarget.server.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Optional;

/** The only gateway to the users table. */
@ApplicationScoped
public class UserRepository {

    /*
     * One statement, atomic in both SQLite (3.35+) and PostgreSQL: two devices logging the same person in at once
     * end with one row and the same id, never a unique-constraint error. The CAST: a null email_verified (Facebook
     * never says) is bound without a type, which PostgreSQL refuses for a boolean column.
     */
    private static final String UPSERT = """
            INSERT INTO users (provider, subject, email, email_verified, email_is_placeholder, created_at, last_login_at)
            VALUES (?, ?, ?, CAST(? AS BOOLEAN), ?, ?, ?)
            ON CONFLICT (provider, subject) DO UPDATE SET
                email = excluded.email,
                email_verified = excluded.email_verified,
                email_is_placeholder = excluded.email_is_placeholder,
                last_login_at = excluded.last_login_at
            RETURNING id""";

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    /** Creates the user or records a new login (and the provider's current email); returns the stored user. */
    public User upsert(ProviderIdentity identity) {
        long now = clock.millis();
        return transactions.write(em -> {
            Number id = (Number) em.createNativeQuery(UPSERT)
                    .setParameter(1, identity.provider().wireName())
                    .setParameter(2, identity.subject())
                    .setParameter(3, identity.email())
                    .setParameter(4, identity.emailVerified())
                    .setParameter(5, identity.emailIsPlaceholder())
                    .setParameter(6, now)
                    .setParameter(7, now)
                    .getSingleResult();
            return em.find(User.class, id.longValue());
        });
    }

    /** The id of the user of this provider account, if there is one. */
    public Optional<Long> findIdOf(IdentityProvider provider, String subject) {
        return transactions.read(em -> em.createNativeQuery("SELECT id FROM users WHERE provider = ? AND subject = ?")
                .setParameter(1, provider.wireName())
                .setParameter(2, subject)
                .getResultStream()
                .findFirst()
                .map(id -> ((Number) id).longValue()));
    }

    /**
     * Deletes a user inside the caller's transaction; the database deletes their sessions, refresh tokens and
     * one-time codes with the row (ON DELETE CASCADE). False when there was no such row (any more).
     */
    public boolean delete(EntityManager em, long id) {
        return em.createNativeQuery("DELETE FROM users WHERE id = ?")
                .setParameter(1, id)
                .executeUpdate() == 1;
    }

    /** As {@link #delete(EntityManager, long)}, for the user of a provider account; the id of the user deleted. */
    public Optional<Long> delete(EntityManager em, IdentityProvider provider, String subject) {
        return em.createNativeQuery("DELETE FROM users WHERE provider = ? AND subject = ? RETURNING id")
                .setParameter(1, provider.wireName())
                .setParameter(2, subject)
                .getResultStream()
                .findFirst()
                .map(id -> ((Number) id).longValue());
    }

    /**
     * The user of a live session, in one indexed lookup: what every request with an access token checks, so that an
     * ended session or a deleted user is refused at once.
     */
    public Optional<User> findBySession(String sessionId, long userId) {
        return transactions.read(em -> em.createNativeQuery(
                        "SELECT u.* FROM users u JOIN sessions s ON s.user_id = u.id WHERE s.id = ? AND u.id = ?",
                        User.class)
                .setParameter(1, sessionId)
                .setParameter(2, userId)
                .getResultStream()
                .findFirst()
                .map(User.class::cast));
    }
}
