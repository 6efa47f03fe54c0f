package io.camelbraze.trigger.test;

/**
 * What a rate-limit bucket says about one request: whether it was let through, and the values of the
 * {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset} (epoch seconds, rounded up) headers.
 */
record RateLimitState(boolean allowed, long limit, long remaining, long resetEpochSeconds) {

    /** The tighter of two states: refused if either refused, the fewer remaining requests otherwise. */
    RateLimitState tighter(RateLimitState other) {
        if (allowed != other.allowed) {
            return allowed ? other : this;
        }
        return remaining <= other.remaining ? this : other;
    }
}
