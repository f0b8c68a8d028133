package com.nextarget.server.auth;

import com.nextarget.server.user.IdentityProvider;

/**
 * An address for a user whose provider gave none: stable for the same account, and under the reserved
 * {@code .invalid} top-level domain (RFC 2606), so no mail can ever reach anybody.
 */
public final class PlaceholderEmail {

    private PlaceholderEmail() {
    }

    public static String of(IdentityProvider provider, String subject) {
        String local = subject.replaceAll("[^A-Za-z0-9._-]", "_");
        return provider.wireName() + "-" + local + "@users.nextarget.invalid";
    }
}
