package com.nextarget.server.token;

import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands the application's public keys to MicroProfile JWT as {@code mp.jwt.verify.publickey}: the keys are
 * derived or generated at run time, so no file or property can hold them in advance. MicroProfile JWT reads the
 * value while the application deploys, before any CDI bean can be looked up, and the server caches what it read,
 * so the keys are loaded here from the same settings that {@link TokenSettings} injects elsewhere.
 */
public class PublishedKeysConfigSource implements ConfigSource {

    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PUBLIC_KEY);
    }

    @Override
    public String getValue(String propertyName) {
        if (!PUBLIC_KEY.equals(propertyName)) {
            return null;
        }
        Config config = ConfigProvider.getConfig(getClass().getClassLoader());
        return SigningKeys.load(config.getOptionalValue(TokenSettings.SECRET, String.class),
                config.getOptionalValue(TokenSettings.PREVIOUS_SECRETS, String.class)).published().toString();
    }

    @Override
    public String getName() {
        return "nextarget-signing-keys";
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
