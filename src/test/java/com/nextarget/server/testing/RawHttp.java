package com.nextarget.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests written byte for byte on a socket, for what the JDK's HttpClient refuses to send (non-ASCII header bytes,
 * TRACE, a body on a GET, broken framing, malformed paths). Each request should carry {@code Connection: close}:
 * the answer is read until the server closes.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** A request of lines, each ended with CRLF, then the empty line and the body. */
    public static Response send(RunningServer server, String head, byte[] body) {
        byte[] headBytes = (head.replace("\n", "\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(headBytes);
        request.writeBytes(body);
        return send(server, request.toByteArray());
    }

    public static Response send(RunningServer server, String head) {
        return send(server, head, new byte[0]);
    }

    public static Response send(RunningServer server, byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return Response.parse(readUntilClosed(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // a server may reset a connection whose request it did not read to the end; the answer came before
            if (answer.size() == 0) {
                throw reset;
            }
        }
        return answer.toByteArray();
    }

    /** Status, headers (names in lower case) and body of one answer with a Content-Length. */
    public record Response(int status, Map<String, String> headers, String body, String raw) {

        static Response parse(byte[] bytes) {
            String raw = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = raw.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IllegalStateException("no complete answer: " + raw);
            }
            String[] lines = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String body = raw.substring(end + 4);
            String length = headers.get("content-length");
            if (length != null) {
                body = body.substring(0, Math.min(body.length(), Integer.parseInt(length)));
            }
            return new Response(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8), raw);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }
}
