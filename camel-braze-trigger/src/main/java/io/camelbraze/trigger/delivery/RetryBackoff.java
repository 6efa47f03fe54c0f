package io.camelbraze.trigger.delivery;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: the n-th retry waits a random time between half and all of
 * {@code min(maxDelay, initialDelay * 2^(n-1))}, so that many senders failing together do not retry in lockstep.
 */
public record RetryBackoff(long initialDelayMillis, long maxDelayMillis) {

    public long delayBeforeRetry(int retryNumber) {
        int exponent = Math.min(Math.max(retryNumber - 1, 0), 30);
        long ceiling = Math.min(maxDelayMillis, initialDelayMillis * (1L << exponent));
        long half = ceiling / 2;
        return half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
    }
}
