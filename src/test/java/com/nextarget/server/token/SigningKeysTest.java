package com.nextarget.server.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-test";

    @Test
    void sameSecretDerivesTheSameKey() {
        ECKey first = SigningKeys.derivedFrom(SECRET, List.of()).current();
        ECKey second = SigningKeys.derivedFrom(SECRET, List.of()).current();
        assertThat(second.toJSONString()).isEqualTo(first.toJSONString());
    }

    @Test
    void anotherSecretDerivesAnotherKey() {
        ECKey first = SigningKeys.derivedFrom(SECRET, List.of()).current();
        ECKey other = SigningKeys.derivedFrom(SECRET + "x", List.of()).current();
        assertThat(other.getD()).isNotEqualTo(first.getD());
        assertThat(other.getKeyID()).isNotEqualTo(first.getKeyID());
    }

    @Test
    void derivationMatchesTheFirstVersionsKeyId() {
        // kid of this secret's key as computed by the FastAPI version (HKDF-SHA256 + RFC 7638 thumbprint),
        // so tokens signed by either version verify against the other's JWKS
        assertThat(SigningKeys.derivedFrom(SECRET, List.of()).current().getKeyID())
                .isEqualTo("yhg3-rmI4zw4WyxD0EYyCrQ8gfnV8ttduwep0e70jzQ");
    }

    @Test
    void publishedKeysVerifyWhatTheSigningKeySigns() throws Exception {
        SigningKeys keys = SigningKeys.derivedFrom(SECRET, List.of());
        byte[] message = "payload".getBytes(StandardCharsets.US_ASCII);
        JWSHeader header = new JWSHeader(JWSAlgorithm.ES256);
        Base64URL signature = new ECDSASigner(keys.current()).sign(header, message);
        ECKey published = (ECKey) keys.published().getKeyByKeyId(keys.current().getKeyID());
        assertThat(new ECDSAVerifier(published).verify(header, message, signature)).isTrue();
    }

    @Test
    void publishedKeysHoldNoPrivatePart() {
        SigningKeys keys = SigningKeys.derivedFrom(SECRET, List.of("old-secret-0123456789abcdef0123456789"));
        assertThat(keys.published().getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        assertThat(keys.published().toString()).doesNotContain("\"d\"");
    }

    @Test
    void previousSecretsArePublishedAfterTheCurrentKey() {
        String old = "old-secret-0123456789abcdef0123456789";
        SigningKeys keys = SigningKeys.derivedFrom(SECRET, List.of(old));
        assertThat(keys.published().getKeys()).extracting(key -> key.getKeyID()).containsExactly(
                keys.current().getKeyID(), SigningKeys.derivedFrom(old, List.of()).current().getKeyID());
    }

    @Test
    void generatedKeyFileIsOwnerOnlyAndReusedAfterARestart(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("data/jwt-signing-key.pem");
        ECKey first = SigningKeys.of(KeyFile.loadOrCreate(file)).current();
        ECKey again = SigningKeys.of(KeyFile.loadOrCreate(file)).current();
        assertThat(again.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void loadingTheSameSettingsTwiceGivesTheSameKeys() {
        var secret = java.util.Optional.of(SECRET);
        assertThat(SigningKeys.load(secret, java.util.Optional.of(" a-previous-secret , ")))
                .isSameAs(SigningKeys.load(secret, java.util.Optional.of("a-previous-secret")));
    }
}
