package com.nextarget.server.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the server's built-in mechanisms among the {@link HttpAuthenticationMechanism} beans: the one that
 * {@code @OpenIdAuthenticationMechanismDefinition} creates and the one that {@code @LoginConfig("MP-JWT")} creates.
 * Both are synthetic beans, so they are recognised by what their server registers: Payara's MP-JWT bean lists its
 * implementation class among its types; Soteria's OpenID bean has only the interface as type and Soteria's CDI
 * extension as bean class. This is the application's only server-specific knowledge; another server would need its
 * own predicates here.
 */
@ApplicationScoped
public class BuiltInMechanisms {

    private static final Predicate<Bean<?>> OPENID =
            bean -> bean.getBeanClass().getName().startsWith("org.glassfish.soteria.");
    private static final Predicate<Bean<?>> MP_JWT = bean -> bean.getTypes().stream()
            .anyMatch(type -> type instanceof Class<?> c && c.getSimpleName().equals("JWTAuthenticationMechanism"));

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
    private Optional<HttpAuthenticationMechanism> find(Predicate<Bean<?>> builtIn) {
        for (Bean<?> bean : beanManager.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE)) {
            if (builtIn.test(bean)) {
                var context = beanManager.createCreationalContext(bean);
                return Optional.of((HttpAuthenticationMechanism)
                        beanManager.getReference(bean, HttpAuthenticationMechanism.class, context));
            }
        }
        return Optional.empty();
    }
}
