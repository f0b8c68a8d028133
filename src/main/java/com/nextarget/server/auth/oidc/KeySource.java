package com.nextarget.server.auth.oidc;

import com.nextarget.server.auth.ProviderClient;
import com.nextarget.server.error.ProblemException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * One issuer's signing keys: its JWK Set, fetched through {@link ProviderClient} at first use, cached, and read
 * again when a token names a key id the cache does not hold (a rotated key).
 */
public class KeySource {

    private final String providerName;
    private final Supplier<String> jwksUri;
    private final ProviderClient client;
    private final Duration minRefreshInterval;
    private volatile JWKSource<SecurityContext> keys;

    /**
     * @param jwksUri read at first use (Google's comes from its discovery document)
     * @param minRefreshInterval {@link Duration#ZERO} refreshes on every unknown kid; otherwise at most twice per
     *                           interval, and an unknown kid met beyond that counts as a key the issuer does not publish
     */
    public KeySource(String providerName, Supplier<String> jwksUri, ProviderClient client,
                     Duration minRefreshInterval) {
        this.providerName = providerName;
        this.jwksUri = jwksUri;
        this.client = client;
        this.minRefreshInterval = minRefreshInterval;
    }

    public String providerName() {
        return providerName;
    }

    /** Keys matching the selector; the cache is refreshed when none matches. */
    public List<JWK> keys(JWKSelector selector) {
        try {
            return source().get(selector, null);
        } catch (Exception e) {
            // a failure of the fetch itself (502/504) arrives wrapped by Nimbus' caching layers
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ProblemException problem) {
                    throw problem;
                }
                if (cause instanceof RateLimitReachedException) {
                    return List.of();
                }
            }
            throw new ProblemException(502, providerName + "'s signing keys could not be read");
        }
    }

    private JWKSource<SecurityContext> source() {
        if (keys == null) {
            synchronized (this) {
                if (keys == null) {
                    URL url;
                    try {
                        url = URI.create(jwksUri.get()).toURL();
                    } catch (MalformedURLException | IllegalArgumentException e) {
                        throw new ProblemException(502, providerName + "'s JWKS URL is not a URL");
                    }
                    JWKSourceBuilder<SecurityContext> builder =
                            JWKSourceBuilder.<SecurityContext>create(url, this::fetch).retrying(false);
                    keys = (minRefreshInterval.isZero()
                            ? builder.rateLimited(false)
                            : builder.rateLimited(minRefreshInterval.toMillis())).build();
                }
            }
        }
        return keys;
    }

    private Resource fetch(URL url) {
        HttpRequest request = ProviderClient.get(URI.create(url.toString())).build();
        HttpResponse<String> response = client.send(providerName, request);
        if (response.statusCode() != 200) {
            throw ProviderClient.failed(providerName, request, response.statusCode());
        }
        return new Resource(response.body(), "application/json");
    }
}
