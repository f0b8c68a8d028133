package com.nextarget.server.auth.facebook;

import com.nextarget.server.auth.PlaceholderEmail;
import com.nextarget.server.auth.ProviderClient;
import com.nextarget.server.auth.SdkNonces;
import com.nextarget.server.auth.oidc.IdTokenRules;
import com.nextarget.server.auth.oidc.IdTokenValidator;
import com.nextarget.server.auth.oidc.KeySource;
import com.nextarget.server.user.IdentityProvider;
import com.nextarget.server.user.ProviderIdentity;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;

/**
 * Facebook Limited Login (iOS): an OpenID Connect id_token instead of an access token, checked by the same validator
 * as Google's, with Facebook's issuer, keys and app id, and a nonce of {@code POST /auth/nonce}.
 */
@ApplicationScoped
public class LimitedLogin {

    // anybody can post an id_token: an unknown kid refreshes the keys at most twice per 30 s (see GoogleProvider)
    private static final Duration KEYS_REFRESH = Duration.ofSeconds(30);

    @Inject
    FacebookSettings settings;

    @Inject
    ProviderClient client;

    @Inject
    IdTokenValidator validator;

    @Inject
    SdkNonces nonces;

    private KeySource keys;

    @PostConstruct
    void keySource() {
        keys = new KeySource(GraphApiClient.NAME, settings::oidcJwksUrl, client, KEYS_REFRESH);
    }

    public ProviderIdentity identify(String idToken) {
        Set<String> app = Set.of(settings.clientId());
        JWTClaimsSet claims = validator.validate(idToken,
                new IdTokenRules(Set.of(settings.oidcIssuer()), app, app, keys), nonces::spend);
        String subject = claims.getSubject();
        if (claims.getClaim("email") instanceof String email && !email.isBlank()) {
            return new ProviderIdentity(IdentityProvider.FACEBOOK, subject, email, null, false);
        }
        return new ProviderIdentity(IdentityProvider.FACEBOOK, subject,
                PlaceholderEmail.of(IdentityProvider.FACEBOOK, subject), null, true);
    }
}
