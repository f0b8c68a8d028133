package com.nextarget.server.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

@ApplicationScoped
public class SigningKeysProducer {

    @Produces
    @Singleton
    SigningKeys signingKeys(TokenSettings settings) {
        return SigningKeys.load(settings.secret(), settings.previousSecrets());
    }
}
