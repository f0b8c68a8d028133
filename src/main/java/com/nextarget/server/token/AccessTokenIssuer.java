package com.nextarget.server.token;

import com.nextarget.server.NexTargetApplication;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Signs the server's own access tokens. */
@ApplicationScoped
public class AccessTokenIssuer {

    public static final String SESSION_CLAIM = "sid";

    @Inject
    SigningKeys keys;

    @Inject
    TokenSettings settings;

    @Inject
    Clock clock;

    private JWSSigner signer;
    private JWSHeader header;

    @PostConstruct
    void prepare() {
        try {
            signer = new ECDSASigner(keys.current());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the configured key", e);
        }
        header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(JOSEObjectType.JWT)
                .keyID(keys.current().getKeyID())
                .build();
    }

    /** An access token of this user's session, and with it the session's refresh token. */
    public TokenResponse issueFor(long userId, String sessionId, String refreshToken) {
        Instant now = clock.instant();
        long lifetime = settings.lifetime().toSeconds();
        String subject = Long.toString(userId);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                // MicroProfile JWT: upn names the caller, groups become roles
                .claim("upn", subject)
                .claim("groups", List.of(NexTargetApplication.USER_ROLE))
                // the session the token belongs to: ending the session stops the token before its exp
                .claim(SESSION_CLAIM, sessionId)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return TokenResponse.bearer(jwt.serialize(), lifetime, refreshToken);
    }
}
