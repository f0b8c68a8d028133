package com.nextarget.server.auth.oidc;

import java.util.Set;

/**
 * Who an id_token must come from and be for: one issuer's configuration of the {@link IdTokenValidator}.
 *
 * @param issuers accepted spellings of {@code iss}
 * @param audiences {@code aud} must hold at least one of these client ids
 * @param authorizedParties an {@code azp}, which is required when {@code aud} holds several audiences, must be one
 *                          of these (Google's Android tokens carry the Android client id there, not the audience)
 */
public record IdTokenRules(Set<String> issuers, Set<String> audiences, Set<String> authorizedParties,
                           KeySource keys) {

    public IdTokenRules {
        issuers = Set.copyOf(issuers);
        audiences = Set.copyOf(audiences);
        authorizedParties = Set.copyOf(authorizedParties);
    }
}
