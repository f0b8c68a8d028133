package com.nextarget.server.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Units of work for the repositories: an EntityManager per call, closed afterwards, and for writes one transaction
 * that commits when the work returns and rolls back when it throws. On SQLite a transaction begins IMMEDIATE (see
 * {@link Database}), so two writers queue on the busy timeout instead of failing.
 */
@ApplicationScoped
public class Transactions {

    @Inject
    EntityManagerFactory entityManagerFactory;

    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = entityManagerFactory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** The first row of a native query that selects (or returns) several columns. */
    public static Optional<Object[]> firstRow(Query query) {
        List<?> rows = query.getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Object[]) rows.get(0));
    }

    public <T> T write(Function<EntityManager, T> work) {
        return read(em -> {
            EntityTransaction transaction = em.getTransaction();
            transaction.begin();
            try {
                T result = work.apply(em);
                transaction.commit();
                return result;
            } finally {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
            }
        });
    }
}
