package com.nextarget.server.auth;

import com.nextarget.server.token.AccessTokenIssuer;
import com.nextarget.server.token.TokenResponse;
import com.nextarget.server.user.ProviderIdentity;
import com.nextarget.server.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The end of every successful login, whichever the provider: store the user, answer with an access token. */
@ApplicationScoped
public class LoginCompletion {

    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    @Inject
    UserRepository users;

    @Inject
    AccessTokenIssuer tokens;

    public Response complete(ProviderIdentity identity) {
        TokenResponse token = tokens.issueFor(users.upsert(identity));
        // RFC 6749 5.1: a response with a token must not be cached
        return Response.ok(token, MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(NO_STORE)
                .header("Pragma", "no-cache")
                .build();
    }
}
