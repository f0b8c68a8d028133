package com.nextarget.server.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Facebook Limited Login's id_tokens (RS256, its own keys) as a {@link FakeFacebook.LimitedLogin} shapes them. */
final class FakeLimitedLogin {

    private final String issuer;
    private final String appId;
    private final RSAKey key = newKey();

    FakeLimitedLogin(String issuer, String appId) {
        this.issuer = issuer;
        this.appId = appId;
    }

    String issuer() {
        return issuer;
    }

    String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    String mint(FakeFacebook.LimitedLogin login) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(login.issuer != null ? login.issuer : issuer)
                .audience(login.audience != null ? login.audience : appId)
                .subject(login.id)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(login.expiresInSeconds)))
                .jwtID(UUID.randomUUID().toString())
                .claim("name", "Grace Hopper");
        if (login.nonce != null) {
            claims.claim("nonce", login.nonce);
        }
        if (login.email != null) {
            claims.claim("email", login.email);
        }
        if (login.unsigned) {
            return new PlainJWT(claims.build()).serialize();
        }
        RSAKey signing = login.signedWithUnknownKey ? newKey() : key;
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(signing.getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(signing));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("fake-limited-login-" + UUID.randomUUID())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
