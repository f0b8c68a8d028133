package com.nextarget.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A browser as far as a login needs one: it keeps cookies and follows nothing by itself, so a test sees each
 * redirect of the flow. Every response from a server this test run started is checked against that server's
 * /openapi ({@link ApiDescription}) and fails the test when the document does not describe it; responses from
 * the fake providers are not checked.
 */
public final class Browser {

    private final HttpClient client;
    private final boolean checked;

    public Browser() {
        this(true);
    }

    private Browser(boolean checked) {
        this.checked = checked;
        // HTTP/1.1 as browsers speak it without TLS; the JDK's default asks for an h2c upgrade, which no browser does
        // and which, once granted, makes a load balancer tunnel the connection to one instance
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * A browser whose responses are not checked against /openapi: only for requests that are outside the API on
     * purpose (a malformed request line, a broken encoding), whose answers the document cannot describe.
     */
    public static Browser unchecked() {
        return new Browser(false);
    }

    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(30)).build());
    }

    public HttpResponse<String> get(String uri) {
        return get(URI.create(uri));
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (checked && RunningServer.serves(request.uri())) {
                ApiDescription.of(request.uri()).check(request.method(), response);
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The decoded query parameters of a URI. */
    public static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    /** The Location of a redirect, resolved against the request's URI. */
    public static URI location(HttpResponse<?> redirect) {
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location header; status " + redirect.statusCode()));
        return redirect.uri().resolve(location);
    }
}
