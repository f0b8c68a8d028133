package com.nextarget.server.auth.google;

import com.nextarget.server.auth.ProviderClient;
import com.nextarget.server.error.ProblemException;
import com.nextarget.server.user.ProviderIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The callback half of a Google login (OIDC Core 3.1.3): the authorization code is exchanged at the token
 * endpoint, the id_token validated, and the identity read from its claims. The userinfo endpoint is never
 * called: the id_token holds everything the server keeps.
 */
@ApplicationScoped
public class GoogleCodeExchange {

    @Inject
    GoogleSettings settings;

    @Inject
    GoogleProvider provider;

    @Inject
    ProviderClient client;

    @Inject
    GoogleIdTokens idTokens;

    public ProviderIdentity identify(String code, String expectedNonce) {
        return idTokens.fromCodeExchange(idToken(code), expectedNonce);
    }

    private String idToken(String code) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(provider.getTokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type", "authorization_code",
                        "code", code,
                        "redirect_uri", settings.getRedirectUri(),
                        "client_id", settings.getClientId(),
                        "client_secret", settings.getClientSecret()))))
                .build();
        HttpResponse<String> response = client.send(GoogleProvider.NAME, request);
        int status = response.statusCode();
        // RFC 6749 5.2: a refused code (invalid_grant and the like) is the client's problem, not the provider's
        if (status == 400 || status == 401) {
            throw new ProblemException(400, "Google refused the authorization code");
        }
        if (status != 200) {
            throw ProviderClient.failed(GoogleProvider.NAME, request, status);
        }
        JsonObject body = GoogleProvider.parse(response.body());
        if (!(body.get("id_token") instanceof JsonString idToken)) {
            throw new ProblemException(502, "Google's token response has no id_token");
        }
        return idToken.getString();
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
