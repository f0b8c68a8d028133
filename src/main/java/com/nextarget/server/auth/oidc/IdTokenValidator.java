package com.nextarget.server.auth.oidc;

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
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Validates an id_token as OpenID Connect Core 3.1.3.7 requires, one method per rule, for whichever issuer the
 * {@link IdTokenRules} describe: Google's web login, Google's SDKs and Facebook Limited Login share every rule. Every
 * failure is a 401 whose detail names the rule; the token itself is never logged or returned.
 */
@ApplicationScoped
public class IdTokenValidator {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(IdTokenValidator.class.getName());

    @Inject
    Clock clock;

    /** The nonce is checked last, so that a policy which spends it spends it only on an otherwise valid token. */
    public JWTClaimsSet validate(String idToken, IdTokenRules rules, NoncePolicy nonce) {
        String provider = rules.keys().providerName();
        SignedJWT jwt = signed(idToken, provider);
        verifySignature(jwt, rules.keys());
        JWTClaimsSet claims = claims(jwt, provider);
        checkIssuer(claims, rules.issuers(), provider);
        checkAudience(claims, rules, provider);
        checkExpiry(claims, provider);
        checkIssuedAt(claims, provider);
        checkSubject(claims, provider);
        checkNonce(claims, nonce, provider);
        return claims;
    }

    // 3.1.3.7 step 6 (and 3.1.3.7 step 7): only a JWS signed with RS256, never "none", never an HMAC
    private static SignedJWT signed(String idToken, String provider) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(idToken);
        } catch (ParseException | RuntimeException e) {
            throw reject(provider, "the id_token is not a JWT");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw reject(provider, "the id_token is not signed");
        }
        if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            throw reject(provider, "the id_token is not signed with RS256");
        }
        return signed;
    }

    private static void verifySignature(SignedJWT jwt, KeySource keys) {
        RSAKey key = signingKey(jwt.getHeader(), keys);
        try {
            if (!jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                throw reject(keys.providerName(), "the id_token signature is not valid");
            }
        } catch (JOSEException e) {
            throw reject(keys.providerName(), "the id_token signature cannot be checked");
        }
    }

    /** By kid; a token without kid is checked against the only key when the provider publishes exactly one. */
    private static RSAKey signingKey(JWSHeader header, KeySource source) {
        JWKMatcher.Builder matcher = new JWKMatcher.Builder()
                .keyType(KeyType.RSA)
                .keyUses(KeyUse.SIGNATURE, null);
        if (header.getKeyID() != null) {
            matcher.keyID(header.getKeyID());
        }
        List<JWK> keys = source.keys(new JWKSelector(matcher.build()));
        if (keys.size() != 1 || !(keys.get(0) instanceof RSAKey key)) {
            throw reject(source.providerName(), header.getKeyID() == null
                    ? "the id_token names no key and the provider has several"
                    : "the id_token is signed by a key the provider does not publish");
        }
        return key;
    }

    private static JWTClaimsSet claims(SignedJWT jwt, String provider) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw reject(provider, "the id_token claims are not valid JSON");
        }
    }

    // step 2
    private static void checkIssuer(JWTClaimsSet claims, Set<String> issuers, String provider) {
        if (claims.getIssuer() == null || !issuers.contains(claims.getIssuer())) {
            throw reject(provider, "the id_token comes from another issuer");
        }
    }

    // steps 3 to 5: aud holds one of our client ids; azp, required with several audiences, must be one of ours
    private static void checkAudience(JWTClaimsSet claims, IdTokenRules rules, String provider) {
        List<String> audience = claims.getAudience();
        if (audience == null || audience.stream().noneMatch(rules.audiences()::contains)) {
            throw reject(provider, "the id_token is meant for another client");
        }
        Object azp = claims.getClaim("azp");
        if ((audience.size() > 1 || azp != null)
                && !(azp instanceof String party && rules.authorizedParties().contains(party))) {
            throw reject(provider, "the id_token was issued to another party (azp)");
        }
    }

    // step 9, with 60 s for clock skew
    private void checkExpiry(JWTClaimsSet claims, String provider) {
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !clock.instant().isBefore(expiry.toInstant().plus(CLOCK_SKEW))) {
            throw reject(provider, "the id_token has expired");
        }
    }

    // step 10: an iat further in the future than the clock skew allows is refused
    private void checkIssuedAt(JWTClaimsSet claims, String provider) {
        Date issuedAt = claims.getIssueTime();
        Instant latest = clock.instant().plus(CLOCK_SKEW);
        if (issuedAt == null || issuedAt.toInstant().isAfter(latest)) {
            throw reject(provider, "the id_token is issued in the future");
        }
    }

    private static void checkSubject(JWTClaimsSet claims, String provider) {
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw reject(provider, "the id_token has no subject");
        }
    }

    // step 11
    private static void checkNonce(JWTClaimsSet claims, NoncePolicy policy, String provider) {
        if (!(claims.getClaim("nonce") instanceof String nonce) || nonce.isEmpty()) {
            throw reject(provider, "the id_token has no nonce");
        }
        if (!policy.accepts(nonce)) {
            throw reject(provider, "the id_token nonce is not one this server issued for the sign-in, "
                    + "or it was used already or has expired");
        }
    }

    private static RuntimeException reject(String provider, String reason) {
        LOG.info(() -> "Rejected a " + provider + " id_token: " + reason);
        return new ProblemException(401, "Invalid id_token: " + reason);
    }
}
