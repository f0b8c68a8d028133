package com.nextarget.server.token;

/**
 * A CDI event fired once per {@code grant_type=refresh_token} request at the token endpoint.
 *
 * @param outcome {@code success}, {@code retry} (the spent token again within the retry window), {@code reuse} (a
 *                spent token after the window: the session ends), or {@code invalid} (unknown, expired, ended)
 */
public record RefreshFinished(String outcome) {
}
