package com.nextarget.server.auth.facebook;

import com.nextarget.server.auth.PlaceholderEmail;
import com.nextarget.server.auth.ProviderClient;
import com.nextarget.server.error.ProblemException;
import com.nextarget.server.user.IdentityProvider;
import com.nextarget.server.user.ProviderIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Facebook's Graph API, as far as a login needs it: the code exchange, {@code debug_token} for a token an app hands
 * in, and the {@code /me} profile. Facebook Login is OAuth 2.0 without OpenID Connect, so the profile, not an
 * id_token, says who signed in.
 */
@ApplicationScoped
public class GraphApiClient {

    static final String NAME = "Facebook";

    @Inject
    FacebookSettings settings;

    @Inject
    ProviderClient client;

    public ProviderIdentity identify(String code) {
        return profile(accessToken(code));
    }

    /**
     * A user access token an app got from Facebook's SDK: {@code debug_token} (with the app token) says whether it
     * is valid, for this app, and whose; then {@code /me} must name the same user.
     */
    public ProviderIdentity identifyUserToken(String accessToken) {
        String userId = debuggedUserId(accessToken);
        ProviderIdentity identity = profile(accessToken);
        if (!identity.subject().equals(userId)) {
            throw new ProblemException(401, "Invalid access_token: its profile is of another user");
        }
        return identity;
    }

    private String debuggedUserId(String accessToken) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("input_token", accessToken);
        query.put("access_token", settings.clientId() + "|" + settings.clientSecret());
        // Graph wants both tokens in the query; ProviderClient logs no query string
        HttpRequest request = ProviderClient.get(URI.create(settings.graphUrl() + "/debug_token?" + query(query)))
                .build();
        HttpResponse<String> response = client.send(NAME, request);
        if (response.statusCode() != 200) {
            throw ProviderClient.failed(NAME, request, response.statusCode());
        }
        if (!(parse(response.body()).get("data") instanceof JsonObject data)) {
            throw new ProblemException(502, "Facebook's debug_token answer has no data");
        }
        if (!data.getBoolean("is_valid", false)) {
            throw new ProblemException(401, "Invalid access_token: Facebook says it is not valid");
        }
        if (!settings.clientId().equals(idOf(data.get("app_id")))) {
            throw new ProblemException(401, "Invalid access_token: it was issued to another app");
        }
        String userId = idOf(data.get("user_id"));
        if (userId == null) {
            throw new ProblemException(401, "Invalid access_token: it is not a user's token");
        }
        return userId;
    }

    private String accessToken(String code) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.clientId());
        query.put("client_secret", settings.clientSecret());
        query.put("redirect_uri", settings.redirectUri());
        query.put("code", code);
        HttpRequest request = ProviderClient.get(URI.create(settings.graphUrl() + "/oauth/access_token?" + query(query)))
                .build();
        HttpResponse<String> response = client.send(NAME, request);
        // Graph answers a used, expired or foreign code with 400 (OAuthException): the client's fault
        if (response.statusCode() == 400) {
            throw new ProblemException(400, "Facebook refused the authorization code");
        }
        if (response.statusCode() != 200) {
            throw ProviderClient.failed(NAME, request, response.statusCode());
        }
        if (!(parse(response.body()).get("access_token") instanceof JsonString token) || token.getString().isEmpty()) {
            throw new ProblemException(502, "Facebook's token response has no access_token");
        }
        return token.getString();
    }

    private ProviderIdentity profile(String accessToken) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("fields", "id,email");
        query.put("appsecret_proof", appSecretProof(accessToken, settings.clientSecret()));
        // the token travels in the Authorization header, so that no URL (and no log of one) carries it
        HttpRequest request = ProviderClient.get(URI.create(settings.graphUrl() + "/me?" + query(query)))
                .header("Authorization", "Bearer " + accessToken)
                .build();
        HttpResponse<String> response = client.send(NAME, request);
        if (response.statusCode() != 200) {
            throw ProviderClient.failed(NAME, request, response.statusCode());
        }
        JsonObject me = parse(response.body());
        String id = idOf(me.get("id"));
        if (id == null) {
            throw new ProblemException(502, "Facebook's profile has no valid id");
        }
        if (me.get("email") instanceof JsonString email && !email.getString().isBlank()) {
            return new ProviderIdentity(IdentityProvider.FACEBOOK, id, email.getString(), null, false);
        }
        // Facebook omits email for accounts registered with a phone number, or when the user declines the scope
        return new ProviderIdentity(IdentityProvider.FACEBOOK, id, PlaceholderEmail.of(IdentityProvider.FACEBOOK, id),
                null, true);
    }

    /** Graph ids are strings, though some answers carry them as numbers. */
    private static String idOf(JsonValue value) {
        String id = value instanceof JsonString text ? text.getString()
                : value instanceof JsonNumber number ? number.bigIntegerValue().toString() : null;
        return id != null && id.matches("[0-9A-Za-z_-]{1,128}") ? id : null;
    }

    /** Graph API "appsecret_proof": hex HMAC-SHA256 of the access token, keyed with the app secret. */
    static String appSecretProof(String accessToken, String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProblemException(502, "Facebook answered something that is not JSON");
        }
    }

    private static String query(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
