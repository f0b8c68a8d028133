package com.nextarget.server.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** One-off requests without cookies; responses are checked against /openapi as {@link Browser} says. */
public final class Http {

    private static final Browser CLIENT = new Browser();

    private Http() {
    }

    public static HttpResponse<String> get(URI uri) {
        return CLIENT.get(uri);
    }

    public static HttpResponse<String> get(URI uri, String... headers) {
        return CLIENT.send(HttpRequest.newBuilder(uri).GET().headers(headers).timeout(Duration.ofSeconds(30)).build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        return CLIENT.send(request);
    }

    /** Not checked against /openapi: see {@link Browser#unchecked()}. */
    public static HttpResponse<String> sendUnchecked(HttpRequest request) {
        return Browser.unchecked().send(request);
    }

    public static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    public static HttpResponse<String> withBearer(URI uri, String token) {
        return get(uri, "Authorization", "Bearer " + token);
    }

    /** A form-encoded POST (what OAuth clients send to the token and revocation endpoints). */
    public static HttpResponse<String> postForm(URI uri, Map<String, String> fields, String... headers) {
        return post(uri, "application/x-www-form-urlencoded", form(fields), headers);
    }

    public static HttpResponse<String> post(URI uri, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build());
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
