package com.nextarget.server.testing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** A W3C {@code traceparent} (version 00, sampled) with fresh random ids. */
public record Traceparent(String traceId, String parentSpanId) {

    public static Traceparent random() {
        return new Traceparent(hex(16), hex(8));
    }

    public String header() {
        return "00-" + traceId + "-" + parentSpanId + "-01";
    }

    private static String hex(int bytes) {
        byte[] id = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(id);
        id[0] |= 1;
        return HexFormat.of().formatHex(id);
    }
}
