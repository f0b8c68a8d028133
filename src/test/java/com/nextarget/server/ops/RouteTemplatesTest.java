package com.nextarget.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

    private final RouteTemplates routes = new RouteTemplates(List.of(
            "/health", "/users/me", "/auth/facebook/data-deletion/{code}", "/docs/{asset: [a-z.-]+}", "/docs"));

    @Test
    void aLiteralPathIsItsOwnTemplate() {
        assertThat(routes.of("/users/me")).isEqualTo("/users/me");
    }

    @Test
    void aParameterMatchesOneSegment() {
        assertThat(routes.of("/auth/facebook/data-deletion/abc123")).isEqualTo("/auth/facebook/data-deletion/{code}");
        assertThat(routes.of("/auth/facebook/data-deletion/abc/def")).isEqualTo(RouteTemplates.UNMATCHED);
    }

    @Test
    void aParameterWithARegexMatchesOnlyThatRegex() {
        assertThat(routes.of("/docs/index.html")).isEqualTo("/docs/{asset: [a-z.-]+}");
        assertThat(routes.of("/docs/INDEX")).isEqualTo(RouteTemplates.UNMATCHED);
    }

    @Test
    void anyOtherPathIsUnmatched() {
        assertThat(routes.of("/wp-admin/install.php")).isEqualTo(RouteTemplates.UNMATCHED);
        assertThat(routes.of("/users/42")).isEqualTo(RouteTemplates.UNMATCHED);
    }

    @Test
    void resourcePathsJoinWithOneSlash() {
        assertThat(RouteTemplates.join("", "users")).isEqualTo("/users");
        assertThat(RouteTemplates.join("/users", "/me/")).isEqualTo("/users/me");
        assertThat(RouteTemplates.join("/", "")).isEqualTo("/");
    }

    @Test
    void anUnusualMethodIsOther() {
        assertThat(RouteTemplates.method("GET")).isEqualTo("GET");
        assertThat(RouteTemplates.method("PROPFIND")).isEqualTo("other");
    }
}
