package com.nextarget.server.user;

import com.nextarget.server.db.Transactions;
import com.nextarget.server.token.OpaqueValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Optional;

/**
 * The gateway to deletion_confirmations: receipts for deletions a provider asked for, which its status URL shows.
 * A receipt says nothing about the person (not even which account): a random code, its time and its status.
 */
@ApplicationScoped
public class DeletionConfirmations {

    /** The one status there is: the deletion happens before the request is answered. */
    public static final String DELETED = "deleted";

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    /** A new receipt in the caller's transaction; its code, 128 random bits, so codes cannot be guessed. */
    public String record(EntityManager em) {
        String code = OpaqueValues.random(128);
        em.createNativeQuery("INSERT INTO deletion_confirmations (code, status, created_at) VALUES (?, ?, ?)")
                .setParameter(1, code)
                .setParameter(2, DELETED)
                .setParameter(3, clock.millis())
                .executeUpdate();
        return code;
    }

    /** The status of the receipt with this code, if there is one. */
    public Optional<String> statusOf(String code) {
        return transactions.read(em -> em.createNativeQuery("SELECT status FROM deletion_confirmations WHERE code = ?")
                .setParameter(1, code)
                .getResultStream()
                .findFirst()
                .map(String.class::cast));
    }
}
