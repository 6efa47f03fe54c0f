package io.camelbraze.trigger.delivery;

import java.util.Map;
import java.util.OptionalLong;

/**
 * What we know of one Braze rate-limit bucket (the targeted hourly bucket or the broadcast per-minute one) for one API key
 * and host, learned from response headers. Requests reserve budget before they are sent, so that concurrent senders do
 * not overdraw it; when the budget is spent they are told how long to wait for the reset instead of drawing a 429.
 */
public final class RateLimitBucket {

    /** Reset headers have whole-second precision: wait a little past the second to land in the new window. */
    static final long RESET_GUARD_MILLIS = 50;
    /** Wait after a 429 that carried no usable reset header. */
    static final long UNKNOWN_RESET_WAIT_MILLIS = 1000;

    private final String name;
    private long limit = -1;
    private long remaining = -1;
    private long resetEpochMillis;

    public RateLimitBucket(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /**
     * Reserves budget for one request.
     *
     * @return 0 when the request may go now (budget was reserved), else the milliseconds to wait before asking again
     */
    public synchronized long reserve(long nowMillis) {
        rollOver(nowMillis);
        if (remaining == 0 && resetEpochMillis > nowMillis) {
            return resetEpochMillis - nowMillis + RESET_GUARD_MILLIS;
        }
        if (remaining > 0) {
            remaining--;
        }
        return 0;
    }

    /** Learns from the headers of any response (including errors). */
    public synchronized void update(Map<String, String> headers, long nowMillis) {
        OptionalLong headerReset = RateLimitHeaders.resetEpochMillis(headers, nowMillis);
        OptionalLong headerRemaining = RateLimitHeaders.remaining(headers);
        RateLimitHeaders.limit(headers).ifPresent(value -> limit = value);
        if (headerReset.isEmpty() || headerRemaining.isEmpty()) {
            return;
        }
        long reset = headerReset.getAsLong();
        if (reset > resetEpochMillis) {
            resetEpochMillis = reset;
            remaining = headerRemaining.getAsLong();
        } else if (reset == resetEpochMillis) {
            // responses of concurrent requests arrive out of order: the smallest count is the newest
            remaining = remaining < 0 ? headerRemaining.getAsLong() : Math.min(remaining, headerRemaining.getAsLong());
        }
    }

    /**
     * Records a 429: the bucket is empty until the reset (or {@code Retry-After}, whichever is later).
     *
     * @return the epoch millisecond the caller should wait for
     */
    public synchronized long onRateLimited(Map<String, String> headers, long nowMillis) {
        update(headers, nowMillis);
        long reset = RateLimitHeaders.resetEpochMillis(headers, nowMillis).orElse(0);
        long retryAfter = RateLimitHeaders.retryAfterEpochMillis(headers, nowMillis).orElse(0);
        long until = Math.max(reset, retryAfter);
        if (until <= nowMillis) {
            until = nowMillis + UNKNOWN_RESET_WAIT_MILLIS;
        }
        resetEpochMillis = Math.max(resetEpochMillis, until);
        remaining = 0;
        return resetEpochMillis;
    }

    private void rollOver(long nowMillis) {
        if (resetEpochMillis != 0 && nowMillis >= resetEpochMillis) {
            // a new window: its budget is the limit; its reset is learnt from the next response
            remaining = limit;
            resetEpochMillis = 0;
        }
    }

    /** A consistent copy for health checks, the dev console and tests. */
    public synchronized Snapshot snapshot() {
        return new Snapshot(name, limit, remaining, resetEpochMillis);
    }

    /**
     * @param limit            last {@code X-RateLimit-Limit}, -1 if unknown
     * @param remaining        requests left in the window after local reservations, -1 if unknown
     * @param resetEpochMillis when the window resets, 0 if unknown
     */
    public record Snapshot(String bucket, long limit, long remaining, long resetEpochMillis) {
    }
}
