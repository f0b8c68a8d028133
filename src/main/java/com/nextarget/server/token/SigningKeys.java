package com.nextarget.server.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/** The ES256 key that signs access tokens, and the public keys (current and rotated-out) that verify them. */
public final class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final int SHORT_SECRET = 32;

    /** Relative to the working directory, beside the default SQLite file. */
    static final Path GENERATED_KEY_FILE = Path.of("data", "jwt-signing-key.pem");

    private static final Map<List<Object>, SigningKeys> LOADED = new HashMap<>();

    private final ECKey current;
    private final JWKSet published;

    private SigningKeys(ECKey current, List<ECKey> previous) {
        this.current = current;
        List<com.nimbusds.jose.jwk.JWK> keys = new ArrayList<>();
        keys.add(current.toPublicJWK());
        previous.stream().map(ECKey::toPublicJWK).filter(key -> !key.getKeyID().equals(current.getKeyID()))
                .forEach(keys::add);
        this.published = new JWKSet(keys);
    }

    /**
     * The keys for these settings, loaded once: MicroProfile JWT (through {@link PublishedKeysConfigSource}) and
     * the token issuer must see the same keys, and a generated key file must be read, or created, only once.
     */
    public static synchronized SigningKeys load(Optional<String> secret, Optional<String> previousSecretsCsv) {
        Optional<String> current = secret.map(String::strip).filter(s -> !s.isEmpty());
        List<String> previous = previousSecretsCsv.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        return LOADED.computeIfAbsent(List.of(current, previous), settings -> current
                .map(value -> derivedFrom(value, previous))
                .orElseGet(() -> of(KeyFile.loadOrCreate(GENERATED_KEY_FILE))));
    }

    /** Keys derived from JWT_SECRET_KEY and JWT_PREVIOUS_SECRET_KEYS. */
    static SigningKeys derivedFrom(String secret, List<String> previousSecrets) {
        if (secret.length() < SHORT_SECRET) {
            LOG.warning("JWT_SECRET_KEY is shorter than " + SHORT_SECRET + " characters; use a long random string");
        }
        List<ECKey> previous = previousSecrets.stream().map(SigningKeys::derivedKey).toList();
        return new SigningKeys(derivedKey(secret), previous);
    }

    /** A generated key, kept in a file (see {@link KeyFile}) when no secret is configured. */
    static SigningKeys of(KeyPair keyPair) {
        return new SigningKeys(jwk(keyPair), List.of());
    }

    private static ECKey derivedKey(String secret) {
        return jwk(DerivedEcKey.fromSecret(secret, Curve.P_256.toECParameterSpec()));
    }

    private static ECKey jwk(KeyPair keyPair) {
        try {
            ECKey withoutId = new ECKey.Builder(Curve.P_256, (ECPublicKey) keyPair.getPublic())
                    .privateKey((ECPrivateKey) keyPair.getPrivate())
                    .build();
            // RFC 7638 thumbprint as kid: the same key always has the same id, on every instance
            ECKey key = new ECKey.Builder(withoutId)
                    .keyID(withoutId.computeThumbprint().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .build();
            assertPairMatches(key);
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot build the signing key", e);
        }
    }

    private static void assertPairMatches(ECKey key) throws JOSEException {
        byte[] probe = "nextarget key check".getBytes(StandardCharsets.US_ASCII);
        JWSHeader header = new JWSHeader(JWSAlgorithm.ES256);
        Base64URL signature = new ECDSASigner(key).sign(header, probe);
        if (!new ECDSAVerifier(key.toECPublicKey()).verify(header, probe, signature)) {
            throw new IllegalStateException("the signing key's public half does not match its private half");
        }
    }

    public ECKey current() {
        return current;
    }

    /** The public JWK Set: what {@code /.well-known/jwks.json} and MicroProfile JWT see. */
    public JWKSet published() {
        return published;
    }
}
