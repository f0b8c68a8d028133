package com.nextarget.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderTrustTest {

    @Test
    void trustsTheJdkAuthoritiesWhateverTrustStoreTheServerSetsForItself() throws Exception {
        // Payara Micro sets javax.net.ssl.trustStore to its bundled store; provider calls must not depend on it
        Path empty = Files.createTempFile("empty-trust-store", ".p12");
        String before = System.getProperty("javax.net.ssl.trustStore");
        System.setProperty("javax.net.ssl.trustStore", empty.toString());
        try {
            List<String> authorities = Arrays.stream(ProviderTrust.trustManager().getAcceptedIssuers())
                    .map(X509Certificate::getSubjectX500Principal)
                    .map(Object::toString)
                    .toList();
            assertThat(authorities).hasSizeGreaterThan(50)
                    .anyMatch(name -> name.contains("CN=GTS Root R1"))        // Google
                    .anyMatch(name -> name.contains("CN=DigiCert High Assurance EV Root CA")); // Facebook
            assertThat(ProviderTrust.sslContext().getProtocol()).isEqualTo("TLS");
        } finally {
            if (before == null) {
                System.clearProperty("javax.net.ssl.trustStore");
            } else {
                System.setProperty("javax.net.ssl.trustStore", before);
            }
            Files.delete(empty);
        }
    }
}
