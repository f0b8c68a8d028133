package com.nextarget.server;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The JAX-RS application at the root context. {@code @ApplicationScoped} makes {@code @LoginConfig} visible with
 * annotated bean discovery (PAYARA-NOTES: otherwise MicroProfile JWT is not set up).
 */
@ApplicationPath("/")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles(NexTargetApplication.USER_ROLE)
@OpenAPIDefinition(info = @Info(
        title = "NexTarget server",
        version = "1.0.0",
        description = "Sign in with Google or Facebook, then call the API with the server's own bearer access token."))
@SecurityScheme(securitySchemeName = NexTargetApplication.BEARER_SCHEME, type = SecuritySchemeType.HTTP,
        scheme = "bearer", bearerFormat = "JWT", description = "An access token from a /auth/*/callback response")
public class NexTargetApplication extends Application {

    /** The group every access token carries; MicroProfile JWT maps it to this role. */
    public static final String USER_ROLE = "user";
    public static final String BEARER_SCHEME = "bearer";

    /**
     * Jersey's WADL (at /application.wadl and as the answer to OPTIONS) names Jersey and its version; without it,
     * OPTIONS gets Jersey's plain answer (the Allow header). /openapi is the API's description.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
