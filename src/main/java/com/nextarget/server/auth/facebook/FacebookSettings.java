package com.nextarget.server.auth.facebook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The FACEBOOK_* settings. */
@ApplicationScoped
public class FacebookSettings {

    @Inject
    @ConfigProperty(name = "FACEBOOK_CLIENT_ID")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "FACEBOOK_CLIENT_SECRET")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "FACEBOOK_REDIRECT_URI")
    Optional<String> redirectUri;

    /** Tests and staging stand in for Facebook's login dialog and Graph API through these two. */
    @Inject
    @ConfigProperty(name = "FACEBOOK_AUTHORIZE_URL", defaultValue = "https://www.facebook.com/v21.0/dialog/oauth")
    String authorizeUrl;

    @Inject
    @ConfigProperty(name = "FACEBOOK_GRAPH_URL", defaultValue = "https://graph.facebook.com/v21.0")
    String graphUrl;

    public boolean isConfigured() {
        return present(clientId) && present(clientSecret) && present(redirectUri);
    }

    public String clientId() {
        return clientId.orElse("");
    }

    public String clientSecret() {
        return clientSecret.orElse("");
    }

    public String redirectUri() {
        return redirectUri.orElse("");
    }

    public String authorizeUrl() {
        return authorizeUrl;
    }

    public String graphUrl() {
        return graphUrl.endsWith("/") ? graphUrl.substring(0, graphUrl.length() - 1) : graphUrl;
    }

    private static boolean present(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isPresent();
    }
}
