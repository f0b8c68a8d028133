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

    /** Facebook Limited Login (iOS): the issuer of its id_tokens and where its keys are published. */
    @Inject
    @ConfigProperty(name = "FACEBOOK_OIDC_ISSUER", defaultValue = "https://www.facebook.com")
    String oidcIssuer;

    @Inject
    @ConfigProperty(name = "FACEBOOK_OIDC_JWKS_URL",
            defaultValue = "https://limited.facebook.com/.well-known/oauth/openid/jwks/")
    String oidcJwksUrl;

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

    /** A credential handed in by an app needs the app id and secret (debug_token, appsecret_proof), no redirect URI. */
    public boolean acceptsAppTokens() {
        return present(clientId) && present(clientSecret);
    }

    public String oidcIssuer() {
        return oidcIssuer;
    }

    public String oidcJwksUrl() {
        return oidcJwksUrl;
    }
}
