package com.nextarget.server.auth.oidc;

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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdTokenValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String CLIENT = "client-123";
    private static final String NONCE = "nonce-abc";
    private static final Set<String> GOOGLE = Set.of("https://accounts.google.com", "accounts.google.com");
    private static final String ANDROID_CLIENT = "android-456";
    private static final String IOS_CLIENT = "ios-789";
    private static final String FACEBOOK = "https://www.facebook.com";
    private static final String FACEBOOK_APP = "fb-app-1";

    private final RSAKey providerKey = rsaKey("key-1");
    private final KeySource keys = keysOf(new JWKSet(providerKey.toPublicJWK()));
    private final IdTokenValidator validator = validatorAt(NOW);

    /** Google's web login: the web client only, and the nonce of the login's start. */
    private final IdTokenRules webLogin = new IdTokenRules(GOOGLE, Set.of(CLIENT), Set.of(CLIENT), keys);
    private final IdTokenRules googleApps = new IdTokenRules(GOOGLE, Set.of(CLIENT, ANDROID_CLIENT, IOS_CLIENT),
            Set.of(CLIENT, ANDROID_CLIENT, IOS_CLIENT), keys);
    private final IdTokenRules limitedLogin = new IdTokenRules(Set.of(FACEBOOK), Set.of(FACEBOOK_APP),
            Set.of(FACEBOOK_APP), keys);

    @Test
    void validTokenPasses() {
        assertThat(validate(sign(claims().build())).getSubject()).isEqualTo("1234567890");
    }

    @Test
    void shortIssuerSpellingOfGooglePasses() {
        assertThat(validate(sign(claims().issuer("accounts.google.com").build()))).isNotNull();
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
        assertThat(validate(sign(providerKey, claims().build(), false))).isNotNull();
    }

    @Test
    void tokenWithoutKidIsRejectedWhenTheProviderHasSeveralKeys() {
        IdTokenRules twoKeys = new IdTokenRules(GOOGLE, Set.of(CLIENT), Set.of(CLIENT), keysOf(new JWKSet(List.of(
                providerKey.toPublicJWK(), rsaKey("key-2").toPublicJWK()))));
        assertThatThrownBy(() -> validator.validate(sign(providerKey, claims().build(), false), twoKeys,
                NoncePolicy.equalTo(NONCE)))
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
        assertThat(validate(sign(claims().audience(List.of(CLIENT, "other")).claim("azp", CLIENT).build())))
                .isNotNull();
    }

    @Test
    void expiredTokenIsRejected() {
        assertRejected(sign(claims().expirationTime(Date.from(NOW.minusSeconds(61))).build()), "expired");
    }

    @Test
    void expiryWithinTheClockSkewIsTolerated() {
        assertThat(validate(sign(claims().expirationTime(Date.from(NOW.minusSeconds(59))).build()))).isNotNull();
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
        assertThatThrownBy(() -> validate(sign(claims().audience("x").build())))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.status()).isEqualTo(401));
    }

    // Google's SDK tokens: any of the app audiences; azp names the client that asked, which may differ from aud

    @Test
    void androidTokenForTheWebClientWithTheAndroidClientAsAzpPasses() {
        String token = sign(claims().audience(CLIENT).claim("azp", ANDROID_CLIENT).build());
        assertThat(validator.validate(token, googleApps, NoncePolicy.equalTo(NONCE)).getSubject())
                .isEqualTo("1234567890");
    }

    @Test
    void iosTokenForTheIosClientPasses() {
        String token = sign(claims().audience(IOS_CLIENT).claim("azp", IOS_CLIENT).build());
        assertThat(validator.validate(token, googleApps, NoncePolicy.equalTo(NONCE))).isNotNull();
    }

    @Test
    void appTokenForAnUnlistedClientIsRejected() {
        assertRejected(sign(claims().audience("someone-elses-app").build()), googleApps, "another client");
    }

    @Test
    void appTokenWithAnUnlistedAzpIsRejected() {
        assertRejected(sign(claims().audience(CLIENT).claim("azp", "someone-elses-app").build()), googleApps, "azp");
    }

    @Test
    void appTokenWithSeveralAudiencesNeedsAListedAzp() {
        assertRejected(sign(claims().audience(List.of(CLIENT, IOS_CLIENT)).build()), googleApps, "azp");
        assertThat(validator.validate(sign(claims().audience(List.of(CLIENT, IOS_CLIENT)).claim("azp", IOS_CLIENT)
                .build()), googleApps, NoncePolicy.equalTo(NONCE))).isNotNull();
    }

    @Test
    void webLoginStillRefusesAnAndroidClientAsAzp() {
        assertRejected(sign(claims().audience(CLIENT).claim("azp", ANDROID_CLIENT).build()), "azp");
    }

    // Facebook Limited Login: the same rules with Facebook's issuer and app id

    @Test
    void limitedLoginTokenPasses() {
        String token = sign(claims().issuer(FACEBOOK).audience(FACEBOOK_APP).build());
        assertThat(validator.validate(token, limitedLogin, NoncePolicy.equalTo(NONCE)).getSubject())
                .isEqualTo("1234567890");
    }

    @Test
    void limitedLoginTokenOfAnotherAppIsRejected() {
        assertRejected(sign(claims().issuer(FACEBOOK).audience("another-app").build()), limitedLogin, "another client");
    }

    @Test
    void googleTokenIsNotALimitedLoginToken() {
        assertRejected(sign(claims().audience(FACEBOOK_APP).build()), limitedLogin, "issuer");
    }

    @Test
    void expiredLimitedLoginTokenIsRejected() {
        assertRejected(sign(claims().issuer(FACEBOOK).audience(FACEBOOK_APP)
                .expirationTime(Date.from(NOW.minusSeconds(61))).build()), limitedLogin, "expired");
    }

    @Test
    void unsignedLimitedLoginTokenIsRejected() {
        assertRejected(new PlainJWT(claims().issuer(FACEBOOK).audience(FACEBOOK_APP).build()).serialize(),
                limitedLogin, "not signed");
    }

    // the nonce policy: asked last, so that a policy which spends a nonce spends it only on a valid token

    @Test
    void noncePolicyIsNotAskedAboutARejectedToken() {
        List<String> asked = new ArrayList<>();
        NoncePolicy spending = nonce -> asked.add(nonce);
        assertThatThrownBy(() -> validator.validate(sign(claims().audience("x").build()), googleApps, spending))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> validator.validate(sign(claims().subject(null).build()), googleApps, spending))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> validatorAt(NOW.plusSeconds(7200)).validate(sign(claims().build()), googleApps,
                spending)).isInstanceOf(ProblemException.class);
        assertThat(asked).isEmpty();
        assertThat(validator.validate(sign(claims().build()), googleApps, spending)).isNotNull();
        assertThat(asked).containsExactly(NONCE);
    }

    @Test
    void nonceThePolicyRefusesIsRejected() {
        assertThatThrownBy(() -> validator.validate(sign(claims().build()), googleApps, nonce -> false))
                .isInstanceOf(ProblemException.class).hasMessageContaining("nonce");
    }

    @Test
    void tokenWithoutNonceIsRejectedWhateverThePolicy() {
        assertThatThrownBy(() -> validator.validate(sign(claims().claim("nonce", null).build()), googleApps,
                nonce -> true)).isInstanceOf(ProblemException.class).hasMessageContaining("no nonce");
    }

    private JWTClaimsSet validate(String idToken) {
        return validator.validate(idToken, webLogin, NoncePolicy.equalTo(NONCE));
    }

    private void assertRejected(String idToken, String reason) {
        assertRejected(idToken, webLogin, reason);
    }

    private void assertRejected(String idToken, IdTokenRules rules, String reason) {
        assertThatThrownBy(() -> validator.validate(idToken, rules, NoncePolicy.equalTo(NONCE)))
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

    private static IdTokenValidator validatorAt(Instant now) {
        IdTokenValidator validator = new IdTokenValidator();
        validator.clock = Clock.fixed(now, ZoneOffset.UTC);
        return validator;
    }

    private static KeySource keysOf(JWKSet keys) {
        return new KeySource("Test issuer", () -> "http://127.0.0.1:9/unused", null, Duration.ZERO) {
            @Override
            public List<JWK> keys(JWKSelector selector) {
                return selector.select(keys);
            }
        };
    }
}
