package com.nextarget.server.auth;

import com.nextarget.server.token.Sessions;
import com.nextarget.server.token.TokenResponse;
import com.nextarget.server.user.ProviderIdentity;
import com.nextarget.server.user.User;
import com.nextarget.server.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The end of every successful login, whichever the provider and whichever the way: the user is stored, then either a
 * session starts at once (browser and SDK sign-ins) or the app gets a one-time code that starts it at the token
 * endpoint. How the result reaches the client is the caller's choice.
 */
@ApplicationScoped
public class LoginCompletion {

    /** A person signed in: who, and the first token response of their new session. */
    public record SignedIn(User user, TokenResponse tokens) {
    }

    @Inject
    UserRepository users;

    @Inject
    Sessions sessions;

    @Inject
    AppHandOff handOff;

    public SignedIn signIn(ProviderIdentity identity) {
        User user = users.upsert(identity);
        return new SignedIn(user, sessions.start(user.getId()));
    }

    /** An app sign-in: the one-time code the app redeems with its PKCE verifier. */
    public String handOff(ProviderIdentity identity, AppRequest app) {
        return handOff.issueCode(users.upsert(identity).getId(), app);
    }
}
