package com.nextarget.server.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import java.util.Optional;

/**
 * Finds the server's built-in mechanisms among the {@link HttpAuthenticationMechanism} beans: the one that
 * {@code @OpenIdAuthenticationMechanismDefinition} creates and the one that {@code @LoginConfig("MP-JWT")}
 * creates. They are told apart by implementation class name, the only server-specific knowledge in the
 * application (Soteria's and Payara's names, found among the bean types because both servers register these
 * beans programmatically; another server would need its own names in this class).
 */
@ApplicationScoped
public class BuiltInMechanisms {

    private static final String OPENID = "OpenIdAuthenticationMechanism";
    private static final String MP_JWT = "JWTAuthenticationMechanism";

    @Inject
    BeanManager beanManager;

    private volatile HttpAuthenticationMechanism openId;
    private volatile HttpAuthenticationMechanism microProfileJwt;

    public HttpAuthenticationMechanism openId() {
        if (openId == null) {
            openId = find(OPENID).orElseThrow(() -> new IllegalStateException("no OpenID Connect mechanism"));
        }
        return openId;
    }

    public HttpAuthenticationMechanism microProfileJwt() {
        if (microProfileJwt == null) {
            microProfileJwt = find(MP_JWT).orElseThrow(() -> new IllegalStateException("no MicroProfile JWT mechanism"));
        }
        return microProfileJwt;
    }

    /*
     * BeanManager.getBeans, not Instance: typesafe resolution drops every bean but the selected alternative
     * (AuthenticationRouter), and the built-in mechanisms are exactly the beans it drops.
     */
    private Optional<HttpAuthenticationMechanism> find(String simpleName) {
        for (Bean<?> bean : beanManager.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE)) {
            if (bean.getTypes().stream().anyMatch(type -> type instanceof Class<?> c && c.getSimpleName().equals(simpleName))) {
                var context = beanManager.createCreationalContext(bean);
                return Optional.of((HttpAuthenticationMechanism)
                        beanManager.getReference(bean, HttpAuthenticationMechanism.class, context));
            }
        }
        return Optional.empty();
    }
}
