package com.nextarget.server.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code METRICS_TOKEN}: when set, a scrape must send {@code Authorization: Bearer <METRICS_TOKEN>}. Checked here, not
 * by MicroProfile JWT (the token is a shared secret, not a JWT), in constant time.
 */
@ApplicationScoped
public class MetricsToken {

    @Inject
    @ConfigProperty(name = "METRICS_TOKEN")
    Optional<String> configured;

    boolean admits(String authorization) {
        Optional<String> expected = configured.map(String::strip).filter(token -> !token.isEmpty());
        if (expected.isEmpty()) {
            return true;
        }
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : "";
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                expected.get().getBytes(StandardCharsets.UTF_8));
    }
}
