package com.nextarget.server.auth;

import com.nextarget.server.token.OAuthProblem;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a request to an OAuth endpoint: form-encoded as RFC 6749 asks, or a JSON object of strings.
 * RFC 6749 3.1: a parameter without a value counts as absent, and none may be sent twice.
 */
final class OAuthParameters {

    private static final int MAX_BODY = 16 * 1024;

    private final Map<String, String> values;

    private OAuthParameters(Map<String, String> values) {
        this.values = values;
    }

    static OAuthParameters parse(String contentType, String body) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (body != null && body.length() > MAX_BODY) {
            throw OAuthProblem.invalidRequest("The request body is too large");
        }
        return switch (type) {
            case "application/x-www-form-urlencoded" -> form(body == null ? "" : body);
            case "application/json" -> json(body == null ? "" : body);
            default -> throw OAuthProblem.invalidRequest(
                    "Send the parameters form-encoded (application/x-www-form-urlencoded) or as a JSON object");
        };
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw OAuthProblem.invalidRequest("Missing parameter " + name);
        }
        return value;
    }

    private static OAuthParameters form(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            put(values, name, value);
        }
        return new OAuthParameters(values);
    }

    private static OAuthParameters json(String body) {
        JsonObject object;
        try (var reader = Json.createReader(new StringReader(body))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw OAuthProblem.invalidRequest("The body is not a JSON object");
        }
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            if (!(member.getValue() instanceof JsonString text)) {
                throw OAuthProblem.invalidRequest("Parameter " + member.getKey() + " must be a string");
            }
            put(values, member.getKey(), text.getString());
        }
        return new OAuthParameters(values);
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (values.containsKey(name)) {
            throw OAuthProblem.invalidRequest("Parameter " + name + " is repeated");
        }
        if (!value.isEmpty()) {
            values.put(name, value);
        } else {
            values.put(name, null);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthProblem.invalidRequest("The form body is not valid URL encoding");
        }
    }
}
