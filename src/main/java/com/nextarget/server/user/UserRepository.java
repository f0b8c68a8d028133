package com.nextarget.server.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/** The only gateway to the users table. */
@ApplicationScoped
public class UserRepository {

    /*
     * One statement, atomic in both SQLite (3.35+) and PostgreSQL: two devices logging the same person in at once
     * end with one row and the same id, never a unique-constraint error.
     */
    private static final String UPSERT = """
            INSERT INTO users (provider, subject, email, email_verified, email_is_placeholder, created_at, last_login_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (provider, subject) DO UPDATE SET
                email = excluded.email,
                email_verified = excluded.email_verified,
                email_is_placeholder = excluded.email_is_placeholder,
                last_login_at = excluded.last_login_at
            RETURNING id""";

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    Clock clock;

    public Optional<User> findById(long id) {
        return inEntityManager(em -> Optional.ofNullable(em.find(User.class, id)));
    }

    /** Creates the user or records a new login (and the provider's current email); returns the stored user. */
    public User upsert(ProviderIdentity identity) {
        long now = clock.millis();
        return inEntityManager(em -> {
            EntityTransaction transaction = em.getTransaction();
            transaction.begin();
            try {
                Number id = (Number) em.createNativeQuery(UPSERT)
                        .setParameter(1, identity.provider().wireName())
                        .setParameter(2, identity.subject())
                        .setParameter(3, identity.email())
                        .setParameter(4, identity.emailVerified())
                        .setParameter(5, identity.emailIsPlaceholder())
                        .setParameter(6, now)
                        .setParameter(7, now)
                        .getSingleResult();
                transaction.commit();
                return em.find(User.class, id.longValue());
            } finally {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
            }
        });
    }

    private <T> T inEntityManager(Function<EntityManager, T> work) {
        EntityManager em = entityManagerFactory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }
}
