package com.nextarget.server.user;

/** The identity providers a user can sign in with; {@link #wireName()} is the contract's spelling. */
public enum IdentityProvider {
    GOOGLE("google"),
    FACEBOOK("facebook");

    private final String wireName;

    IdentityProvider(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
