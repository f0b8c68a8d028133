package com.nextarget.server.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The JWT_* and *_EXPIRE_MINUTES settings of the contract. */
@ApplicationScoped
public class TokenSettings {

    static final String SECRET = "JWT_SECRET_KEY";
    static final String PREVIOUS_SECRETS = "JWT_PREVIOUS_SECRET_KEYS";
    static final String ACCESS_LIFETIME = "ACCESS_TOKEN_EXPIRE_MINUTES";
    static final String REFRESH_LIFETIME = "REFRESH_TOKEN_EXPIRE_MINUTES";

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

    // read as text so that a bad value is reported by its name at start-up, not as a conversion error at first use
    @Inject
    @ConfigProperty(name = ACCESS_LIFETIME, defaultValue = "60")
    String accessMinutes;

    @Inject
    @ConfigProperty(name = REFRESH_LIFETIME, defaultValue = "43200")
    String refreshMinutes;

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
        return minutes(ACCESS_LIFETIME, accessMinutes);
    }

    /** How long a refresh token may wait unused. */
    public Duration refreshLifetime() {
        return minutes(REFRESH_LIFETIME, refreshMinutes);
    }

    /** Fails with one readable reason when a lifetime is not a positive number of minutes. */
    public void validate() {
        lifetime();
        refreshLifetime();
    }

    /** Whole minutes, or decimals for short lifetimes (0.5 is 30 seconds); at least one second. */
    static Duration minutes(String name, String value) {
        double minutes;
        try {
            minutes = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a number of minutes, not \"" + value + "\"");
        }
        long seconds = Math.round(minutes * 60);
        if (!Double.isFinite(minutes) || seconds < 1 || minutes > 60L * 24 * 365 * 10) {
            throw new IllegalStateException(name + " must be a positive number of minutes (at least 1 second, "
                    + "at most ten years), not \"" + value + "\"");
        }
        return Duration.ofSeconds(seconds);
    }
}
