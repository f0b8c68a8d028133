package com.nextarget.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** What an app that uses a provider's SDK sends: a nonce from the server first, then the SDK's credential. */
public final class SdkSignIns {

    private SdkSignIns() {
    }

    public static String nonce(Origin server) {
        HttpResponse<String> response = Http.post(server.uri("/auth/nonce"), "application/json", "");
        assertThat(response.statusCode()).as("nonce: %s", response.body()).isEqualTo(200);
        return Http.json(response.body()).getString("nonce");
    }

    /** The lowercase hex SHA-256 that SDKs (or apps following Firebase's samples) put in the token instead. */
    public static String hashed(String nonce) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(nonce.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POST {"member": "credential"} to /auth/{provider}/token. */
    public static HttpResponse<String> post(Origin server, String provider, String member, String credential) {
        return postBody(server, provider, Json.createObjectBuilder().add(member, credential).build().toString());
    }

    public static HttpResponse<String> postBody(Origin server, String provider, String body) {
        return Http.post(server.uri("/auth/" + provider + "/token"), "application/json", body);
    }

    /** The same request sent by {@code clients} threads released at once; their statuses. */
    public static List<Integer> racing(int clients, Callable<HttpResponse<String>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> pending = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                pending.add(pool.submit(() -> {
                    start.await();
                    return request.call().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pending) {
                statuses.add(status.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Asserts a token response as the contract words it, and returns it. */
    public static jakarta.json.JsonObject assertSignedIn(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("sign-in: %s", response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        var tokens = Http.json(response.body());
        assertThat(tokens.keySet()).containsExactlyInAnyOrder("access_token", "token_type", "expires_in",
                "refresh_token");
        assertThat(tokens.getString("token_type")).isEqualTo("bearer");
        return tokens;
    }

    /** Asserts a {"detail"} error of this status. */
    public static void assertRefused(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("body: %s", response.body()).isEqualTo(status);
        assertThat(Http.json(response.body()).keySet()).containsExactly("detail");
    }
}
