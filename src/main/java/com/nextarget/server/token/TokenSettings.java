package com.nextarget.server.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The JWT_* settings of the contract. */
@ApplicationScoped
public class TokenSettings {

    static final String SECRET = "JWT_SECRET_KEY";
    static final String PREVIOUS_SECRETS = "JWT_PREVIOUS_SECRET_KEYS";

    @Inject
    @ConfigProperty(name = SECRET)
    Optional<String> secret;

    /** Secrets rotated out: their keys keep verifying tokens they signed until those expire. */
    @Inject
    @ConfigProperty(name = PREVIOUS_SECRETS)
    Optional<String> previousSecrets;

    @Inject
    @ConfigProperty(name = "JWT_ISSUER", defaultValue = "nextarget")
    String issuer;

    @Inject
    @ConfigProperty(name = "ACCESS_TOKEN_EXPIRE_MINUTES", defaultValue = "60")
    long expireMinutes;

    public Optional<String> secret() {
        return secret;
    }

    /** Comma-separated. */
    public Optional<String> previousSecrets() {
        return previousSecrets;
    }

    public String issuer() {
        return issuer;
    }

    public Duration lifetime() {
        if (expireMinutes < 1) {
            throw new IllegalStateException("ACCESS_TOKEN_EXPIRE_MINUTES must be at least 1");
        }
        return Duration.ofMinutes(expireMinutes);
    }
}
