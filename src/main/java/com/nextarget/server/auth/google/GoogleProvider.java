package com.nextarget.server.auth.google;

import com.nextarget.server.auth.ProviderClient;
import com.nextarget.server.error.ProblemException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Google's (or the configured issuer's) OpenID provider metadata and signing keys: the discovery document is read
 * at first use and kept; the JWK Set is cached and read again when an id_token names a key id it does not hold.
 * {@code @Named}: the OpenID mechanism definition takes its endpoints from here.
 */
@Named("googleProvider")
@ApplicationScoped
public class GoogleProvider {

    static final String NAME = "Google";

    @Inject
    GoogleSettings settings;

    @Inject
    ProviderClient client;

    private volatile JsonObject metadata;
    private volatile JWKSource<SecurityContext> keys;

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

    /** Keys matching the selector; the cache is refreshed when none matches (a rotated key). */
    public List<JWK> keys(JWKSelector selector) {
        try {
            return keySource().get(selector, null);
        } catch (Exception e) {
            // a failure of the fetch itself (502/504) arrives wrapped by Nimbus' caching layers
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ProblemException problem) {
                    throw problem;
                }
            }
            throw new ProblemException(502, "Google's signing keys could not be read");
        }
    }

    private JWKSource<SecurityContext> keySource() {
        if (keys == null) {
            synchronized (this) {
                if (keys == null) {
                    URL jwksUrl;
                    try {
                        jwksUrl = URI.create(getJwksUri()).toURL();
                    } catch (MalformedURLException | IllegalArgumentException e) {
                        throw new ProblemException(502, "Google's jwks_uri is not a URL");
                    }
                    // Rate limiting is off: id_tokens come only from the token endpoint over TLS, so an unknown
                    // kid means a real rotation, and the login that meets it must see the new key at once.
                    keys = JWKSourceBuilder.<SecurityContext>create(jwksUrl, this::fetchKeys)
                            .rateLimited(false)
                            .retrying(false)
                            .build();
                }
            }
        }
        return keys;
    }

    private Resource fetchKeys(URL url) {
        HttpRequest request = ProviderClient.get(URI.create(url.toString())).build();
        HttpResponse<String> response = client.send(NAME, request);
        if (response.statusCode() != 200) {
            throw ProviderClient.failed(NAME, request, response.statusCode());
        }
        return new Resource(response.body(), "application/json");
    }

    static JsonObject parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProblemException(502, "Google answered something that is not JSON");
        }
    }
}
