package com.nextarget.server.edge;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Sits in front of Grizzly's HTTP parser and gives its refusals the contract's JSON body. The parser answers a
 * request it cannot frame (a non-ASCII header byte, {@code Content-Length} with {@code Transfer-Encoding}, a broken
 * chunk, a body on a GET, an unknown HTTP version) with a status and {@code Content-Length: 0}, then closes: it has
 * no hook for the body that a server can configure. Such an answer is recognised here by its bytes, an error status
 * with an empty body, which the application never sends (its errors all carry {@code {"detail"}}).
 */
final class JsonErrorBodies extends BaseFilter {

    private static final int MAX_HEAD = 2048;
    private static final byte[] HTTP1 = "HTTP/1.".getBytes(StandardCharsets.US_ASCII);
    private static final int STATUS = "HTTP/1.1 ".length();
    private static final String EMPTY = "\r\ncontent-length: 0\r\n";

    @Override
    public NextAction handleWrite(FilterChainContext ctx) {
        if (ctx.getMessage() instanceof Buffer buffer) {
            String head = bareErrorHead(buffer);
            if (head != null) {
                int status = Integer.parseInt(head.substring(STATUS, STATUS + 3));
                ctx.setMessage(Buffers.wrap(ctx.getMemoryManager(), withBody(head, status)));
                buffer.tryDispose();
            }
        }
        return ctx.getInvokeAction();
    }

    /** The response head, if the buffer holds exactly one 4xx/5xx response with an empty body; otherwise null. */
    static String bareErrorHead(Buffer buffer) {
        int start = buffer.position();
        int size = buffer.remaining();
        if (size > MAX_HEAD || size < STATUS + 7) {
            return null;
        }
        // most writes are the application's answers: look at the status before copying anything
        byte statusClass = buffer.get(start + STATUS);
        if (buffer.get(start) != 'H' || (statusClass != '4' && statusClass != '5')) {
            return null;
        }
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = buffer.get(start + i);
        }
        return bareErrorHead(bytes);
    }

    static String bareErrorHead(byte[] bytes) {
        if (bytes.length < STATUS + 7) {
            return null;
        }
        for (int i = 0; i < HTTP1.length; i++) {
            if (bytes[i] != HTTP1[i]) {
                return null;
            }
        }
        byte statusClass = bytes[STATUS];
        String head = new String(bytes, StandardCharsets.ISO_8859_1);
        if (bytes[STATUS - 1] != ' ' || (statusClass != '4' && statusClass != '5') || !head.endsWith("\r\n\r\n")
                || head.indexOf("\r\n\r\n") != head.length() - 4
                || !head.toLowerCase().contains(EMPTY)) {
            return null;
        }
        return head;
    }

    static byte[] withBody(String head, int status) {
        byte[] body = EdgeAnswers.body(status);
        StringBuilder rewritten = new StringBuilder();
        for (String line : head.substring(0, head.length() - 4).split("\r\n")) {
            String name = line.contains(":") ? line.substring(0, line.indexOf(':')).strip() : "";
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Content-Type")
                    && !name.equalsIgnoreCase(EdgeAnswers.NOSNIFF_HEADER)) {
                rewritten.append(line).append("\r\n");
            }
        }
        rewritten.append("Content-Type: ").append(EdgeAnswers.CONTENT_TYPE).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n")
                .append(EdgeAnswers.NOSNIFF_HEADER).append(": nosniff\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }
}
