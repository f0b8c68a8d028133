package com.nextarget.server.edge;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The rules a request path must meet before the web container decodes it. Payara answers the paths these rules
 * refuse with an empty 200 and a SEVERE stack trace ({@code /%zz}) or an empty {@code 400 Invalid URI} ({@code %00},
 * an encoded {@code ..}), so they are refused here, with the contract's JSON, before it sees them.
 */
final class RequestTarget {

    /** At least 16 KiB of URL must be served (long signed links); beyond this a request gets 414. */
    static final int MAX_LENGTH = 24 * 1024;

    private RequestTarget() {
    }

    /** The status to refuse the raw (undecoded) path with, or 0 when it is acceptable. */
    static int refusal(String rawPath) {
        boolean encoded = false;
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c > 0x7e || c < 0x21) {
                return 400;
            }
            encoded |= c == '%';
        }
        // unencoded dot segments are the container's to resolve, as in any URL
        return encoded ? refusalOfEncoded(rawPath) : 0;
    }

    private static int refusalOfEncoded(String rawPath) {
        byte[] decoded = new byte[rawPath.length()];
        int length = 0;
        int segmentStart = 0;
        boolean segmentEncoded = false;
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            byte b;
            if (c == '%') {
                int value = i + 2 < rawPath.length() ? hex(rawPath.charAt(i + 1), rawPath.charAt(i + 2)) : -1;
                // RFC 3986 2.1: a percent sign starts exactly two hex digits; a decoded control character, NUL or
                // slash in a path is a way to reach something other than what the path says
                if (value < 0x20 || value == 0x7f || value == '/' || value == '\\') {
                    return 400;
                }
                b = (byte) value;
                segmentEncoded = true;
                i += 2;
            } else {
                b = (byte) c;
            }
            if (b == '/') {
                if (segmentEncoded && isDotSegment(decoded, segmentStart, length)) {
                    return 400;
                }
                segmentStart = length + 1;
                segmentEncoded = false;
            }
            decoded[length++] = b;
        }
        if (segmentEncoded && isDotSegment(decoded, segmentStart, length)) {
            return 400;
        }
        return isUtf8(decoded, length) ? 0 : 400;
    }

    private static boolean isDotSegment(byte[] path, int start, int end) {
        int length = end - start;
        return (length == 1 && path[start] == '.') || (length == 2 && path[start] == '.' && path[start + 1] == '.');
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    private static boolean isUtf8(byte[] bytes, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
