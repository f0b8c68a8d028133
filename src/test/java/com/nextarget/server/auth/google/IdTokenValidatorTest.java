package com.nextarget.server.auth.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextarget.server.error.ProblemException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdTokenValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String CLIENT = "client-123";
    private static final String NONCE = "nonce-abc";
    private static final IdTokenValidator.Expectations EXPECTED = new IdTokenValidator.Expectations(
            Set.of("https://accounts.google.com", "accounts.google.com"), CLIENT, NONCE);

    private final RSAKey providerKey = rsaKey("key-1");
    private final IdTokenValidator validator = validatorTrusting(new JWKSet(providerKey.toPublicJWK()));

    @Test
    void validTokenPasses() {
        assertThat(validator.validate(sign(claims().build()), EXPECTED).getSubject()).isEqualTo("1234567890");
    }

    @Test
    void shortIssuerSpellingOfGooglePasses() {
        assertThat(validator.validate(sign(claims().issuer("accounts.google.com").build()), EXPECTED)).isNotNull();
    }

    @Test
    void unsignedTokenIsRejected() {
        assertRejected(new PlainJWT(claims().build()).serialize(), "not signed");
    }

    @Test
    void hmacSignedTokenIsRejected() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        jwt.sign(new MACSigner("a-client-secret-that-is-long-enough-for-hs256"));
        assertRejected(jwt.serialize(), "RS256");
    }

    @Test
    void badSignatureIsRejected() {
        RSAKey impostor = new RSAKey.Builder(rsaKey("key-1")).build();
        assertRejected(sign(impostor, claims().build()), "signature");
    }

    @Test
    void unknownKeyIdIsRejected() {
        assertRejected(sign(rsaKey("key-2"), claims().build()), "does not publish");
    }

    @Test
    void tokenWithoutKidIsCheckedAgainstTheOnlyKey() {
        assertThat(validator.validate(sign(providerKey, claims().build(), false), EXPECTED)).isNotNull();
    }

    @Test
    void tokenWithoutKidIsRejectedWhenTheProviderHasSeveralKeys() {
        IdTokenValidator twoKeys = validatorTrusting(new JWKSet(List.of(providerKey.toPublicJWK(),
                rsaKey("key-2").toPublicJWK())));
        assertThatThrownBy(() -> twoKeys.validate(sign(providerKey, claims().build(), false), EXPECTED))
                .isInstanceOf(ProblemException.class).hasMessageContaining("several");
    }

    @Test
    void wrongIssuerIsRejected() {
        assertRejected(sign(claims().issuer("https://evil.example").build()), "issuer");
    }

    @Test
    void wrongAudienceIsRejected() {
        assertRejected(sign(claims().audience("another-client").build()), "another client");
    }

    @Test
    void severalAudiencesNeedAzpEqualToTheClient() {
        assertRejected(sign(claims().audience(List.of(CLIENT, "other")).build()), "azp");
        assertRejected(sign(claims().audience(List.of(CLIENT, "other")).claim("azp", "other").build()), "azp");
        assertThat(validator.validate(sign(claims().audience(List.of(CLIENT, "other")).claim("azp", CLIENT).build()),
                EXPECTED)).isNotNull();
    }

    @Test
    void expiredTokenIsRejected() {
        assertRejected(sign(claims().expirationTime(Date.from(NOW.minusSeconds(61))).build()), "expired");
    }

    @Test
    void expiryWithinTheClockSkewIsTolerated() {
        assertThat(validator.validate(sign(claims().expirationTime(Date.from(NOW.minusSeconds(59))).build()), EXPECTED))
                .isNotNull();
    }

    @Test
    void issuedAtFarInTheFutureIsRejected() {
        assertRejected(sign(claims().issueTime(Date.from(NOW.plusSeconds(61))).build()), "future");
    }

    @Test
    void wrongNonceIsRejected() {
        assertRejected(sign(claims().claim("nonce", "another-nonce").build()), "nonce");
    }

    @Test
    void missingNonceIsRejected() {
        assertRejected(sign(claims().claim("nonce", null).build()), "nonce");
    }

    @Test
    void missingSubjectIsRejected() {
        assertRejected(sign(claims().subject(null).build()), "subject");
    }

    @Test
    void rejectionIsA401() {
        assertThatThrownBy(() -> validator.validate(sign(claims().audience("x").build()), EXPECTED))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.status()).isEqualTo(401));
    }

    private void assertRejected(String idToken, String reason) {
        assertThatThrownBy(() -> validator.validate(idToken, EXPECTED))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining(reason);
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer("https://accounts.google.com")
                .subject("1234567890")
                .audience(CLIENT)
                .issueTime(Date.from(NOW.minusSeconds(5)))
                .expirationTime(Date.from(NOW.plusSeconds(3600)))
                .claim("nonce", NONCE)
                .claim("email", "ada@example.com")
                .claim("email_verified", true);
    }

    private String sign(JWTClaimsSet claims) {
        return sign(providerKey, claims);
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        return sign(key, claims, true);
    }

    private static String sign(RSAKey key, JWTClaimsSet claims, boolean withKid) {
        try {
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT);
            if (withKid) {
                header.keyID(key.getKeyID());
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static IdTokenValidator validatorTrusting(JWKSet keys) {
        IdTokenValidator validator = new IdTokenValidator();
        validator.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        validator.provider = new GoogleProvider() {
            @Override
            public List<JWK> keys(JWKSelector selector) {
                return selector.select(keys);
            }
        };
        return validator;
    }
}
