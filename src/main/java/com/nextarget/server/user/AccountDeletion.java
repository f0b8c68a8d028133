package com.nextarget.server.user;

import com.nextarget.server.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one way an account goes, whoever asks: the person from the app, or a provider on their behalf. The user's row
 * and with it every session, refresh token and one-time code go in one transaction; since every request with an
 * access token looks its session and user up, all of that user's tokens are refused from the next request on, on
 * every instance. Ids are never reused, so signing in again later makes a new user.
 */
@ApplicationScoped
public class AccountDeletion {

    /** Who asked, as the audit line names it. */
    public static final String SELF = "self";

    private static final Logger LOG = Logger.getLogger(AccountDeletion.class.getName());

    @Inject
    Transactions transactions;

    @Inject
    UserRepository users;

    @Inject
    DeletionConfirmations confirmations;

    /** {@code DELETE /users/me}. Deleting a user who is already gone is no error. */
    public void deleteAtTheirRequest(long userId) {
        if (transactions.write(em -> users.delete(em, userId))) {
            audit(userId, SELF);
        }
    }

    /**
     * A provider's deletion request for one of its accounts (Meta's data deletion callback); the code of the
     * receipt, which is recorded also when no such user exists (any more), so that a repeated request is harmless.
     */
    public String deleteAtProviderRequest(IdentityProvider provider, String subject) {
        record Outcome(Optional<Long> deleted, String code) {
        }
        Outcome outcome = transactions.write(em -> new Outcome(users.delete(em, provider, subject),
                confirmations.record(em)));
        outcome.deleted().ifPresent(id -> audit(id, provider.wireName()));
        return outcome.code();
    }

    // the id and who asked, never the email or the provider's subject: the line outlives the person's data
    private static void audit(long userId, String way) {
        LOG.info(() -> "user " + userId + " deleted (" + way + ")");
    }
}
