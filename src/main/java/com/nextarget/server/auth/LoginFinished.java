package com.nextarget.server.auth;

import com.nextarget.server.user.IdentityProvider;

/**
 * A CDI event fired once per sign-in attempt that reached a provider's callback or token exchange, whatever its end:
 * metrics and logs observe it instead of being called from the login code.
 *
 * @param way how the app signed in: {@code browser} (JSON callback), {@code app} (redirect with a one-time code),
 *            {@code sdk} (a native SDK's credential)
 * @param outcome {@code success}, {@code rejected} (the person, the state or the provider's answer was refused: 4xx),
 *                or {@code failed} (the provider failed or was silent, or the server did: 5xx)
 */
public record LoginFinished(IdentityProvider provider, String way, String outcome) {

    public static final String BROWSER = "browser";
    public static final String APP = "app";
    public static final String SDK = "sdk";

    public static LoginFinished success(IdentityProvider provider, String way) {
        return new LoginFinished(provider, way, "success");
    }

    public static LoginFinished failure(IdentityProvider provider, String way, int status) {
        return new LoginFinished(provider, way, status < 500 ? "rejected" : "failed");
    }
}
