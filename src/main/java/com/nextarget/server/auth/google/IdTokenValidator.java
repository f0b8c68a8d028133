package com.nextarget.server.auth.google;

import com.nextarget.server.error.ProblemException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Validates an id_token as OpenID Connect Core 3.1.3.7 requires, one method per rule. Every failure is a 401
 * whose detail names the rule; the token itself is never logged or returned.
 */
@ApplicationScoped
public class IdTokenValidator {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(IdTokenValidator.class.getName());

    @Inject
    GoogleProvider provider;

    @Inject
    GoogleSettings settings;

    @Inject
    Clock clock;

    /** Rules for one login: who the token must come from and be for, and the nonce sent with the request. */
    public record Expectations(Set<String> issuers, String clientId, String nonce) {
    }

    public JWTClaimsSet validate(String idToken, String expectedNonce) {
        return validate(idToken, new Expectations(settings.acceptedIssuers(), settings.getClientId(), expectedNonce));
    }

    JWTClaimsSet validate(String idToken, Expectations expected) {
        SignedJWT jwt = signed(idToken);
        verifySignature(jwt);
        JWTClaimsSet claims = claims(jwt);
        checkIssuer(claims, expected.issuers());
        checkAudience(claims, expected.clientId());
        checkExpiry(claims);
        checkIssuedAt(claims);
        checkNonce(claims, expected.nonce());
        checkSubject(claims);
        return claims;
    }

    // 3.1.3.7 step 6 (and 3.1.3.7 step 7): only a JWS signed with RS256, never "none", never an HMAC
    private static SignedJWT signed(String idToken) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(idToken);
        } catch (ParseException | RuntimeException e) {
            throw reject("the id_token is not a JWT");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw reject("the id_token is not signed");
        }
        if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            throw reject("the id_token is not signed with RS256");
        }
        return signed;
    }

    private void verifySignature(SignedJWT jwt) {
        RSAKey key = signingKey(jwt.getHeader());
        try {
            if (!jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                throw reject("the id_token signature is not valid");
            }
        } catch (JOSEException e) {
            throw reject("the id_token signature cannot be checked");
        }
    }

    /** By kid; a token without kid is checked against the only key when the provider publishes exactly one. */
    private RSAKey signingKey(JWSHeader header) {
        JWKMatcher.Builder matcher = new JWKMatcher.Builder()
                .keyType(KeyType.RSA)
                .keyUses(KeyUse.SIGNATURE, null);
        if (header.getKeyID() != null) {
            matcher.keyID(header.getKeyID());
        }
        List<JWK> keys = provider.keys(new JWKSelector(matcher.build()));
        if (keys.size() != 1 || !(keys.get(0) instanceof RSAKey key)) {
            throw reject(header.getKeyID() == null
                    ? "the id_token names no key and the provider has several"
                    : "the id_token is signed by a key the provider does not publish");
        }
        return key;
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw reject("the id_token claims are not valid JSON");
        }
    }

    // step 2
    private static void checkIssuer(JWTClaimsSet claims, Set<String> issuers) {
        if (claims.getIssuer() == null || !issuers.contains(claims.getIssuer())) {
            throw reject("the id_token comes from another issuer");
        }
    }

    // steps 3 to 5: aud holds the client id; with several audiences, azp must be the client id
    private static void checkAudience(JWTClaimsSet claims, String clientId) {
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(clientId)) {
            throw reject("the id_token is meant for another client");
        }
        Object azp = claims.getClaim("azp");
        if ((audience.size() > 1 || azp != null) && !clientId.equals(azp)) {
            throw reject("the id_token was issued to another party (azp)");
        }
    }

    // step 9, with 60 s for clock skew
    private void checkExpiry(JWTClaimsSet claims) {
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !clock.instant().isBefore(expiry.toInstant().plus(CLOCK_SKEW))) {
            throw reject("the id_token has expired");
        }
    }

    // step 10: an iat further in the future than the clock skew allows is refused
    private void checkIssuedAt(JWTClaimsSet claims) {
        Date issuedAt = claims.getIssueTime();
        Instant latest = clock.instant().plus(CLOCK_SKEW);
        if (issuedAt == null || issuedAt.toInstant().isAfter(latest)) {
            throw reject("the id_token is issued in the future");
        }
    }

    // step 11: the nonce sent in the authentication request, compared in constant time
    private static void checkNonce(JWTClaimsSet claims, String expectedNonce) {
        Object nonce = claims.getClaim("nonce");
        if (!(nonce instanceof String received) || expectedNonce == null
                || !MessageDigest.isEqual(received.getBytes(StandardCharsets.UTF_8),
                        expectedNonce.getBytes(StandardCharsets.UTF_8))) {
            throw reject("the id_token nonce does not match the login");
        }
    }

    private static void checkSubject(JWTClaimsSet claims) {
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw reject("the id_token has no subject");
        }
    }

    private static RuntimeException reject(String reason) {
        LOG.info(() -> "Rejected a Google id_token: " + reason);
        return new ProblemException(401, "Invalid id_token: " + reason);
    }
}
