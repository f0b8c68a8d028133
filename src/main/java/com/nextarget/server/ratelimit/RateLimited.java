package com.nextarget.server.ratelimit;

/** A CDI event fired for each request refused with 429 because its client used up its requests of the minute. */
public record RateLimited() {
}
