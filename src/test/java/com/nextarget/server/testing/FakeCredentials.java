package com.nextarget.server.testing;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The random codes or access tokens a fake provider has handed out, each with what it stands for. */
final class FakeCredentials<V> {

    // a benchmark logs in for minutes; the newest few thousand are all a login in flight can still present
    private static final int REMEMBERED = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;
    private final Map<String, V> issued = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            return size() > REMEMBERED;
        }
    };

    FakeCredentials(String prefix) {
        this.prefix = prefix;
    }

    synchronized String issue(V value) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String credential = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.put(credential, value);
        return credential;
    }

    /** Single use: a second redemption of the same credential finds nothing. */
    synchronized V redeem(String credential) {
        return credential == null ? null : issued.remove(credential);
    }

    synchronized V find(String credential) {
        return credential == null ? null : issued.get(credential);
    }
}
