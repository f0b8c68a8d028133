package com.nextarget.server.auth.google;

import com.nextarget.server.auth.ProviderClient;
import com.nextarget.server.auth.oidc.KeySource;
import com.nextarget.server.error.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Google's (or the configured issuer's) OpenID provider metadata and signing keys: the discovery document is read
 * at first use and kept; its JWK Set is the {@link KeySource} of the id_tokens.
 * {@code @Named}: the OpenID mechanism definition takes its endpoints from here.
 */
@Named("googleProvider")
@ApplicationScoped
public class GoogleProvider {

    static final String NAME = "Google";
    private static final Duration APP_KEYS_REFRESH = Duration.ofSeconds(30);

    @Inject
    GoogleSettings settings;

    @Inject
    ProviderClient client;

    private volatile JsonObject metadata;
    private KeySource codeFlowKeys;
    private KeySource appKeys;

    @PostConstruct
    void keySources() {
        // An id_token from the token endpoint arrives over TLS from Google itself, so an unknown kid means a real
        // rotation and the login that meets it must see the new key at once. Anybody can post an id_token to
        // /auth/google/token, though: there an unknown kid refreshes the keys at most twice per 30 s, so that
        // made-up kids cannot turn each request into a request to Google.
        codeFlowKeys = new KeySource(NAME, this::getJwksUri, client, Duration.ZERO);
        appKeys = new KeySource(NAME, this::getJwksUri, client, APP_KEYS_REFRESH);
    }

    /** The discovery document, fetched once (a failed fetch is retried by the next login). */
    public JsonObject metadata() {
        JsonObject known = metadata;
        if (known == null) {
            synchronized (this) {
                if (metadata == null) {
                    metadata = fetchMetadata();
                }
                known = metadata;
            }
        }
        return known;
    }

    private JsonObject fetchMetadata() {
        URI uri = URI.create(settings.issuer() + "/.well-known/openid-configuration");
        HttpRequest request = ProviderClient.get(uri).build();
        HttpResponse<String> response = client.send(NAME, request);
        if (response.statusCode() != 200) {
            throw ProviderClient.failed(NAME, request, response.statusCode());
        }
        JsonObject document = parse(response.body());
        // OpenID Connect Discovery 4.3: the document must name the issuer it was fetched for
        if (!settings.issuer().equals(document.getString("issuer", null))) {
            throw new ProblemException(502, "Google's discovery document names another issuer");
        }
        for (String endpoint : List.of("authorization_endpoint", "token_endpoint", "jwks_uri")) {
            if (!(document.get(endpoint) instanceof JsonString)) {
                throw new ProblemException(502, "Google's discovery document has no " + endpoint);
            }
        }
        return document;
    }

    public String getAuthorizationEndpoint() {
        return metadata().getString("authorization_endpoint");
    }

    public String getTokenEndpoint() {
        return metadata().getString("token_endpoint");
    }

    public String getJwksUri() {
        return metadata().getString("jwks_uri");
    }

    public String getIssuer() {
        return metadata().getString("issuer");
    }

    /** Keys for id_tokens that came from the token endpoint over TLS (the browser and app logins). */
    public KeySource codeFlowKeys() {
        return codeFlowKeys;
    }

    /** Keys for id_tokens that a phone app hands in. */
    public KeySource appKeys() {
        return appKeys;
    }

    static JsonObject parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProblemException(502, "Google answered something that is not JSON");
        }
    }
}
