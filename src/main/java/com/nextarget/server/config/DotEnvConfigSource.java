package com.nextarget.server.config;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The working directory's {@code .env} file as a MicroProfile ConfigSource. Its ordinal (250) sits below
 * environment variables (300) and system properties (400), so a real environment variable wins, and above
 * the defaults in {@code microprofile-config.properties} (100).
 */
public class DotEnvConfigSource implements ConfigSource {

    private final Map<String, String> values = DotEnvFile.readWorkingDirectory();

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return ".env";
    }

    @Override
    public int getOrdinal() {
        return 250;
    }
}
