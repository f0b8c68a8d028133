package com.nextarget.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonErrorBodiesTest {

    private static final String PARSER_REFUSAL = "HTTP/1.1 400 Bad Request\r\nDate: Fri, 27 Nov 2026 17:56:07 GMT\r\n"
            + "Connection: close\r\nContent-Length: 0\r\nX-Frame-Options: SAMEORIGIN\r\n\r\n";

    @Test
    void aParsersBareRefusalGetsTheJsonBody() {
        String head = JsonErrorBodies.bareErrorHead(bytes(PARSER_REFUSAL));
        String rewritten = new String(JsonErrorBodies.withBody(head, 400), StandardCharsets.ISO_8859_1);
        assertThat(rewritten).isEqualTo("HTTP/1.1 400 Bad Request\r\nDate: Fri, 27 Nov 2026 17:56:07 GMT\r\n"
                + "Connection: close\r\nX-Frame-Options: SAMEORIGIN\r\nContent-Type: application/json\r\n"
                + "Content-Length: 24\r\nX-Content-Type-Options: nosniff\r\n\r\n{\"detail\":\"Bad request\"}");
    }

    @Test
    void anHttp10RefusalIsRecognisedToo() {
        assertThat(JsonErrorBodies.bareErrorHead(bytes("HTTP/1.0 505 HTTP Version Not Supported\r\nContent-Length: 0\r\n\r\n")))
                .isNotNull();
    }

    @Test
    void answersWithABodyOrASuccessStatusAreLeftAlone() {
        assertThat(JsonErrorBodies.bareErrorHead(bytes(
                "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 22\r\n\r\n"))).isNull();
        assertThat(JsonErrorBodies.bareErrorHead(bytes(
                "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n{\"detail\":\"Not found\"}"))).isNull();
        assertThat(JsonErrorBodies.bareErrorHead(bytes("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n"))).isNull();
        assertThat(JsonErrorBodies.bareErrorHead(bytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))).isNull();
        assertThat(JsonErrorBodies.bareErrorHead(bytes("{\"detail\":\"HTTP/1.1 400 in a body\"}\r\n\r\n"))).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
