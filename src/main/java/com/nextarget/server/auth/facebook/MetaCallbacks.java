package com.nextarget.server.auth.facebook;

import com.nextarget.server.error.ProblemException;
import com.nextarget.server.token.Sessions;
import com.nextarget.server.user.AccountDeletion;
import com.nextarget.server.user.DeletionConfirmations;
import com.nextarget.server.user.IdentityProvider;
import com.nextarget.server.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The two callbacks Meta calls when a person leaves the app on Facebook's side: the data deletion request (the
 * account goes, as by {@code DELETE /users/me}) and the deauthorization (every session ends, the account stays).
 */
@ApplicationScoped
public class MetaCallbacks {

    static final String STATUS_PATH = "/auth/facebook/data-deletion/";

    private static final Logger LOG = Logger.getLogger(MetaCallbacks.class.getName());

    @Inject
    FacebookSettings settings;

    @Inject
    AccountDeletion deletion;

    @Inject
    DeletionConfirmations confirmations;

    @Inject
    UserRepository users;

    @Inject
    Sessions sessions;

    public DataDeletionAnswer deleteAtMetasRequest(String signedRequest) {
        SignedRequest request = SignedRequest.verify(signedRequest, settings.clientSecret());
        String code = deletion.deleteAtProviderRequest(IdentityProvider.FACEBOOK, request.userId());
        return new DataDeletionAnswer(origin(settings.redirectUri()) + STATUS_PATH + code, code);
    }

    public DataDeletionStatus statusOf(String code) {
        return confirmations.statusOf(code)
                .map(status -> new DataDeletionStatus(code, status))
                .orElseThrow(() -> new ProblemException(404, "No deletion request has this confirmation code"));
    }

    public void deauthorize(String signedRequest) {
        SignedRequest request = SignedRequest.verify(signedRequest, settings.clientSecret());
        users.findIdOf(IdentityProvider.FACEBOOK, request.userId()).ifPresent(id -> {
            int ended = sessions.endAllOf(id);
            LOG.info(() -> "user " + id + ": " + ended + " sessions ended (facebook deauthorized)");
        });
    }

    /** scheme://host[:port] of the public callback URL: where Meta and the person reach this server. */
    static String origin(String redirectUri) {
        URI uri = URI.create(redirectUri);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalStateException("FACEBOOK_REDIRECT_URI is not an absolute URL");
        }
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
