package com.nextarget.server.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Fake Google's id_tokens as a {@link FakeGoogle.Login} script shapes them, and the RS256 key that signs them. */
final class FakeGoogleIdTokens {

    private record SigningKey(RSAKey key, JWSSigner signer, String jwks) {
    }

    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private volatile SigningKey current = newSigningKey();

    FakeGoogleIdTokens(String issuer, String clientId, String clientSecret) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    void rotateKey() {
        current = newSigningKey();
    }

    /** The JWK Set publishing only the current public key. */
    String jwks() {
        return current.jwks;
    }

    String mint(FakeGoogle.Login login, String nonceSent) {
        JWTClaimsSet claims = claims(login, nonceSent);
        if (login.unsigned) {
            return new PlainJWT(claims).serialize();
        }
        SigningKey signing = current;
        String kid = login.omitKid ? null : signing.key.getKeyID();
        if (login.hs256WithClientSecret) {
            return sign(claims, header(JWSAlgorithm.HS256, kid), clientSecretSigner());
        }
        if (login.signedWithUnknownKey) {
            return sign(claims, header(JWSAlgorithm.RS256, kid), newSigningKey().signer);
        }
        return sign(claims, header(JWSAlgorithm.RS256, kid), signing.signer);
    }

    private JWTClaimsSet claims(FakeGoogle.Login login, String nonceSent) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(login.issuer != null ? login.issuer : issuer)
                .subject(login.subject)
                .audience(login.audience != null ? login.audience : List.of(clientId))
                .issueTime(Date.from(now.plusSeconds(login.issuedAtOffsetSeconds)))
                .expirationTime(Date.from(now.plusSeconds(login.expiresInSeconds)));
        if (!login.omitNonce) {
            claims.claim("nonce", login.nonce != null ? login.nonce : nonceSent);
        }
        if (login.azp != null) {
            claims.claim("azp", login.azp);
        }
        if (login.email != null) {
            claims.claim("email", login.email);
        }
        if (login.emailVerified != null) {
            claims.claim("email_verified", login.emailVerified);
        }
        return claims.build();
    }

    /** The algorithm-confusion attack: HMAC keyed with the client secret, which the client knows too. */
    private JWSSigner clientSecretSigner() {
        byte[] secret = clientSecret.getBytes(StandardCharsets.UTF_8);
        try {
            // HS256 needs at least 256 bits; a provider keyed with a shorter secret would have to stretch it too
            return new MACSigner(secret.length >= 32 ? secret : Arrays.copyOf(secret, 32));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWSHeader header(JWSAlgorithm algorithm, String kid) {
        return new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(kid).build();
    }

    private static String sign(JWTClaimsSet claims, JWSHeader header, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static SigningKey newSigningKey() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("fake-google-" + UUID.randomUUID())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
            return new SigningKey(key, new RSASSASigner(key), new JWKSet(key.toPublicJWK()).toString());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
