package com.nextarget.server.auth.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraphApiClientTest {

    @Test
    void appSecretProofIsHexHmacSha256OfTheTokenKeyedWithTheAppSecret() {
        // computed independently: python3 -c "hmac.new(b'fb-app-secret', b'EAAGm0PX4ZCpsBA', sha256).hexdigest()"
        assertThat(GraphApiClient.appSecretProof("EAAGm0PX4ZCpsBA", "fb-app-secret"))
                .isEqualTo("cd0c9c8e3a3bb54a755e98fecf86231af4174c50f13fc740bebcd9eca309fcd5");
    }
}
