package com.nextarget.server.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code RATE_LIMIT_PER_MINUTE} and {@code TRUST_PROXY_HEADERS}. */
@ApplicationScoped
public class RateLimitSettings {

    @Inject
    @ConfigProperty(name = "RATE_LIMIT_PER_MINUTE", defaultValue = "60")
    int perMinute;

    // only behind a proxy that appends the peer's address: otherwise every client could name its own
    @Inject
    @ConfigProperty(name = "TRUST_PROXY_HEADERS", defaultValue = "false")
    boolean trustProxyHeaders;

    public int perMinute() {
        if (perMinute < 1) {
            throw new IllegalStateException("RATE_LIMIT_PER_MINUTE must be at least 1");
        }
        return perMinute;
    }

    public boolean trustProxyHeaders() {
        return trustProxyHeaders;
    }
}
