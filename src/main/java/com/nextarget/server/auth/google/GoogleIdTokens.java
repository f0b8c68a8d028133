package com.nextarget.server.auth.google;

import com.nextarget.server.auth.PlaceholderEmail;
import com.nextarget.server.auth.SdkNonces;
import com.nextarget.server.auth.oidc.IdTokenRules;
import com.nextarget.server.auth.oidc.IdTokenValidator;
import com.nextarget.server.auth.oidc.NoncePolicy;
import com.nextarget.server.user.IdentityProvider;
import com.nextarget.server.user.ProviderIdentity;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/** Google's id_tokens, from the code exchange of a login and from the apps' SDKs, and who they say signed in. */
@ApplicationScoped
public class GoogleIdTokens {

    @Inject
    GoogleSettings settings;

    @Inject
    GoogleProvider provider;

    @Inject
    IdTokenValidator validator;

    @Inject
    SdkNonces nonces;

    /** An id_token of the token endpoint: for the web client only, with the nonce of the login's start. */
    public ProviderIdentity fromCodeExchange(String idToken, String expectedNonce) {
        Set<String> client = Set.of(settings.getClientId());
        return identity(validator.validate(idToken,
                new IdTokenRules(settings.acceptedIssuers(), client, client, provider.codeFlowKeys()),
                NoncePolicy.equalTo(expectedNonce)));
    }

    /**
     * An id_token an app got from Google's SDK: for the web client or an app client (an Android token names the
     * web client as aud and the Android client as azp), with a nonce of {@code POST /auth/nonce}, spent here.
     */
    public ProviderIdentity fromApp(String idToken) {
        Set<String> clients = settings.appAudiences();
        return identity(validator.validate(idToken,
                new IdTokenRules(settings.acceptedIssuers(), clients, clients, provider.appKeys()), nonces::spend));
    }

    private static ProviderIdentity identity(JWTClaimsSet claims) {
        String subject = claims.getSubject();
        Object email = claims.getClaim("email");
        if (email instanceof String address && !address.isBlank()) {
            return new ProviderIdentity(IdentityProvider.GOOGLE, subject, address, emailVerified(claims), false);
        }
        return new ProviderIdentity(IdentityProvider.GOOGLE, subject,
                PlaceholderEmail.of(IdentityProvider.GOOGLE, subject), null, true);
    }

    /** Google sends a boolean; some OpenID providers send the string "true". */
    private static Boolean emailVerified(JWTClaimsSet claims) {
        Object value = claims.getClaim("email_verified");
        if (value instanceof Boolean verified) {
            return verified;
        }
        return value instanceof String text ? Boolean.valueOf(text) : null;
    }
}
