package com.nextarget.server.auth;

import com.nextarget.server.error.ProblemException;
import com.nextarget.server.ops.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Every call the server makes to an identity provider. A provider that does not answer within 10 s (the whole
 * response, not only its headers) is a 504; one that cannot be reached or answers garbage is a 502. Neither the
 * request (which can carry a code or a secret) nor the provider's body is ever logged.
 */
@ApplicationScoped
public class ProviderClient {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(ProviderClient.class.getName());

    private final HttpClient http = HttpClient.newBuilder()
            .sslContext(ProviderTrust.sslContext())
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Inject
    Tracing tracing;

    /** Sends the request as a span of its own (a child of the current request's span). */
    public HttpResponse<String> send(String providerName, HttpRequest request) {
        Span span = tracing.providerCall(providerName, request);
        try (Scope scope = span.makeCurrent()) {
            HttpResponse<String> response = exchange(providerName, request);
            Tracing.answered(span, response.statusCode());
            return response;
        } catch (ProblemException e) {
            Tracing.failed(span, e.getMessage());
            throw e;
        } finally {
            span.end();
        }
    }

    private HttpResponse<String> exchange(String providerName, HttpRequest request) {
        CompletableFuture<HttpResponse<String>> response =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return response.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            LOG.warning(() -> providerName + " did not answer within " + TIMEOUT.toSeconds() + " s: " + where(request));
            throw new ProblemException(504, providerName + " did not answer in time");
        } catch (ExecutionException e) {
            LOG.warning(() -> providerName + " could not be reached (" + e.getCause().getClass().getSimpleName()
                    + "): " + where(request));
            throw new ProblemException(502, providerName + " could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(502, providerName + " could not be reached");
        }
    }

    public static HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).GET().header("Accept", "application/json");
    }

    /** Logs a provider's unexpected status; the body is not logged, it may echo what was sent. */
    public static ProblemException failed(String providerName, HttpRequest request, int status) {
        LOG.warning(() -> providerName + " answered HTTP " + status + ": " + where(request));
        return new ProblemException(502, providerName + " failed to answer");
    }

    /** Scheme, host and path only: query strings can carry tokens and proofs. */
    private static String where(HttpRequest request) {
        URI uri = request.uri();
        return request.method() + " " + uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
    }
}
