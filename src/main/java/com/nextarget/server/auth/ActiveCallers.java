package com.nextarget.server.auth;

import com.nextarget.server.token.AccessTokenIssuer;
import com.nextarget.server.user.User;
import com.nextarget.server.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Whether a verified access token still counts: its session ({@code sid}) must exist and belong to its subject, who
 * must exist. A signature says a token was issued; only this lookup says its session was not ended since.
 */
@ApplicationScoped
public class ActiveCallers {

    @Inject
    UserRepository users;

    public Optional<User> userOf(Principal principal) {
        if (!(principal instanceof JsonWebToken jwt)
                || !(jwt.getClaim(AccessTokenIssuer.SESSION_CLAIM) instanceof String sessionId)) {
            return Optional.empty();
        }
        long userId;
        try {
            userId = Long.parseLong(jwt.getSubject());
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
        return users.findBySession(sessionId, userId);
    }
}
