package com.nextarget.server.auth.google;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The GOOGLE_* settings. {@code @Named} so the OpenID mechanism definition can read them through EL. */
@Named("googleSettings")
@ApplicationScoped
public class GoogleSettings {

    static final String GOOGLE = "https://accounts.google.com";

    @Inject
    @ConfigProperty(name = "GOOGLE_CLIENT_ID")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "GOOGLE_CLIENT_SECRET")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "GOOGLE_REDIRECT_URI")
    Optional<String> redirectUri;

    /** The Android and iOS clients, whose id_tokens an app may hand in besides those for the web client. */
    @Inject
    @ConfigProperty(name = "GOOGLE_APP_CLIENT_IDS")
    Optional<String> appClientIds;

    /** Tests, staging and self-hosted providers stand in for Google through this. */
    @Inject
    @ConfigProperty(name = "GOOGLE_ISSUER", defaultValue = GOOGLE)
    String issuer;

    public boolean isConfigured() {
        return present(clientId) && present(clientSecret) && present(redirectUri);
    }

    /** An id_token handed in by an app needs only the client ids: no secret, no redirect URI. */
    public boolean acceptsAppTokens() {
        return present(clientId);
    }

    /** The web client id and every GOOGLE_APP_CLIENT_IDS entry. */
    public Set<String> appAudiences() {
        Set<String> audiences = new LinkedHashSet<>();
        audiences.add(getClientId());
        Arrays.stream(appClientIds.orElse("").split(",")).map(String::strip).filter(id -> !id.isEmpty()).forEach(audiences::add);
        return audiences;
    }

    public String getClientId() {
        return clientId.orElse("");
    }

    public String getClientSecret() {
        return clientSecret.orElse("");
    }

    public String getRedirectUri() {
        return redirectUri.orElse("");
    }

    public String issuer() {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    /** OIDC Core 3.1.3.7 step 2; Google's id_tokens use either spelling of its issuer. */
    public Set<String> acceptedIssuers() {
        return issuer().equals(GOOGLE) ? Set.of(GOOGLE, "accounts.google.com") : Set.of(issuer());
    }

    private static boolean present(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isPresent();
    }
}
