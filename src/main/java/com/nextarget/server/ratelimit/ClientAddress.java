package com.nextarget.server.ratelimit;

import java.util.List;

/**
 * Who a request counts against: the TCP peer, or behind a trusted proxy ({@code TRUST_PROXY_HEADERS=true}) the
 * address that proxy appended to {@code X-Forwarded-For}: the right-most entry. Entries to its left came from the
 * client and prove nothing, so adding some cannot escape the limit.
 */
final class ClientAddress {

    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    /** @param forwardedFor every {@code X-Forwarded-For} header of the request, in order (a proxy may add another) */
    static String of(String peer, List<String> forwardedFor, boolean trustProxy) {
        if (trustProxy) {
            for (int i = forwardedFor.size() - 1; i >= 0; i--) {
                String header = forwardedFor.get(i);
                String last = header.substring(header.lastIndexOf(',') + 1).strip();
                if (!last.isEmpty()) {
                    return bounded(last);
                }
            }
        }
        return bounded(peer == null ? "unknown" : peer);
    }

    private static String bounded(String address) {
        return address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address;
    }
}
