package com.nextarget.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextarget.server.testing.Http;
import com.nextarget.server.testing.RunningServer;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class NonceIT {

    private final RunningServer server = RunningServer.shared();

    @Test
    void nonceIsFreshUrlSafeAndNotCached() {
        var response = Http.post(server.uri("/auth/nonce"), "application/json", "");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        var body = Http.json(response.body());
        assertThat(body.keySet()).containsExactly("nonce", "expires_in");
        assertThat(body.getInt("expires_in")).isEqualTo(300);
        String nonce = body.getString("nonce");
        assertThat(nonce).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(nonce)).hasSizeGreaterThanOrEqualTo(16);
        String another = Http.json(Http.post(server.uri("/auth/nonce"), "application/json", "").body())
                .getString("nonce");
        assertThat(another).isNotEqualTo(nonce);
    }

    @Test
    void nonceIsKeptOnlyAsAHash() throws Exception {
        String nonce = Http.json(Http.post(server.uri("/auth/nonce"), "application/json", "").body())
                .getString("nonce");
        try (var db = server.database(); var query = db.prepareStatement("SELECT count(*) FROM sdk_nonces WHERE hash = ?")) {
            query.setString(1, nonce);
            try (var rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).isZero();
            }
            query.setString(1, SdkNonces.hexSha256(nonce));
            try (var rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void getIsNotAllowed() {
        var response = Http.get(server.uri("/auth/nonce"));
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).startsWith("{\"detail\":");
    }
}
