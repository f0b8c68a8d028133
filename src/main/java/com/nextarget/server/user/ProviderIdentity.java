package com.nextarget.server.user;

import java.util.Objects;

/**
 * What a provider vouched for after a successful login: all the server keeps of a person.
 *
 * @param emailVerified the provider's {@code email_verified}, or null when the provider does not say
 * @param emailIsPlaceholder true when the provider gave no email and a non-deliverable one was made up
 */
public record ProviderIdentity(IdentityProvider provider, String subject, String email, Boolean emailVerified,
                               boolean emailIsPlaceholder) {

    public ProviderIdentity {
        Objects.requireNonNull(provider);
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a provider identity needs a subject");
        }
        Objects.requireNonNull(email);
    }
}
