package com.nextarget.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTargetTest {

    @Test
    void ordinaryPathsPass() {
        for (String path : new String[] {"/", "/health", "/users/me", "/docs/swagger-ui.css", "/a%20b", "/%C3%A9t%C3%A9",
                "/.well-known/jwks.json", "/a/../health", "/a/./b"}) {
            assertThat(RequestTarget.refusal(path)).as(path).isZero();
        }
    }

    @Test
    void brokenPercentEncodingIsRefused() {
        for (String path : new String[] {"/%zz", "/%", "/a%4", "/%g0"}) {
            assertThat(RequestTarget.refusal(path)).as(path).isEqualTo(400);
        }
    }

    @Test
    void encodedControlCharactersAndSlashesAreRefused() {
        for (String path : new String[] {"/a%00b", "/a%0d%0aSet-Cookie:x", "/a%7f", "/a%2fb", "/a%5Cb"}) {
            assertThat(RequestTarget.refusal(path)).as(path).isEqualTo(400);
        }
    }

    @Test
    void encodedDotSegmentsAreRefused() {
        for (String path : new String[] {"/a/%2e%2e/etc", "/%2E%2E", "/a/.%2e/b", "/a/%2e/b", "/docs/%2e%2e"}) {
            assertThat(RequestTarget.refusal(path)).as(path).isEqualTo(400);
        }
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        assertThat(RequestTarget.refusal("/%C3%28")).isEqualTo(400);
        assertThat(RequestTarget.refusal("/%FF")).isEqualTo(400);
    }

    @Test
    void unencodedSpacesAndNonAsciiAreRefused() {
        assertThat(RequestTarget.refusal("/a b")).isEqualTo(400);
        assertThat(RequestTarget.refusal("/\u00e9")).isEqualTo(400);
    }
}
