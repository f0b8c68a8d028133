package com.nextarget.server.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** APP_REDIRECT_URIS: where an app sign-in may send the browser back to, compared as exact strings. */
@ApplicationScoped
public class AppSettings {

    static final String REDIRECT_URIS = "APP_REDIRECT_URIS";

    @Inject
    @ConfigProperty(name = REDIRECT_URIS)
    Optional<String> redirectUris;

    private volatile Set<String> allowed;

    public boolean allows(String redirectUri) {
        return redirectUris().contains(redirectUri);
    }

    public Set<String> redirectUris() {
        Set<String> known = allowed;
        if (known == null) {
            known = parse(redirectUris.orElse(""));
            allowed = known;
        }
        return known;
    }

    /** Fails with one readable reason on an entry that is not an absolute URI without a fragment (RFC 6749 3.1.2). */
    public void validate() {
        redirectUris();
    }

    static Set<String> parse(String csv) {
        Set<String> uris = Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        for (String entry : uris) {
            URI uri;
            try {
                uri = new URI(entry);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(REDIRECT_URIS + " holds \"" + entry + "\", which is not a URI");
            }
            if (!uri.isAbsolute() || uri.getRawFragment() != null) {
                throw new IllegalStateException(REDIRECT_URIS + " holds \"" + entry
                        + "\": each entry must be an absolute URI (scheme:...) without a #fragment");
            }
        }
        return uris;
    }
}
