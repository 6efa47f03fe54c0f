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

    /** While the budget is unknown, others wait this long for the first answer before asking again. */
    static final long PROBE_WAIT_MILLIS = 20;
    /** Requests stop waiting for an answer that has not come after this long, and let Braze decide. */
    static final long PROBE_TIMEOUT_MILLIS = 2000;

    private final String name;
    private boolean answered;
    private long awaitingAnswerSince;
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
        if (!answered) {
            // nothing known yet: one request goes first and its answer tells the budget, so that a burst of concurrent
            // sends cannot overdraw a window we know nothing about
            return awaitAnswer(nowMillis, true);
        }
        rollOver(nowMillis);
        if (remaining == 0) {
            if (resetEpochMillis > nowMillis) {
                return resetEpochMillis - nowMillis + RESET_GUARD_MILLIS;
            }
            // the new window's budget is reserved but Braze has not yet told its reset: wait for the answers in flight
            long wait = awaitAnswer(nowMillis, false);
            if (wait > 0) {
                return wait;
            }
        }
        if (remaining > 0) {
            remaining--;
        }
        return 0;
    }

    /** 0 when the caller may go (the first to ask, or the answer is overdue), else how long to wait before asking again. */
    private long awaitAnswer(long nowMillis, boolean firstMayGo) {
        if (awaitingAnswerSince == 0) {
            awaitingAnswerSince = nowMillis;
            return firstMayGo ? 0 : PROBE_WAIT_MILLIS;
        }
        return nowMillis - awaitingAnswerSince < PROBE_TIMEOUT_MILLIS ? PROBE_WAIT_MILLIS : 0;
    }

    /** Learns from the headers of any response (including errors). */
    public synchronized void update(Map<String, String> headers, long nowMillis) {
        // any answer ends the probe, even one without rate-limit headers (a 401, a load balancer's 502)
        answered = true;
        awaitingAnswerSince = 0;
        OptionalLong headerReset = RateLimitHeaders.resetEpochMillis(headers, nowMillis);
        OptionalLong headerRemaining = RateLimitHeaders.remaining(headers);
        RateLimitHeaders.limit(headers).ifPresent(value -> limit = value);
        if (headerReset.isEmpty() || headerRemaining.isEmpty()) {
            return;
        }
        long reset = headerReset.getAsLong();
        if (reset <= nowMillis) {
            return; // a late answer from a window that is over
        }
        if (reset > resetEpochMillis) {
            // after a local roll-over we have been reserving against the new window: keep the smaller count, since
            // the requests still in flight are not yet in Braze's number
            boolean countingRolledWindow = resetEpochMillis == 0 && remaining >= 0;
            remaining = countingRolledWindow ? Math.min(remaining, headerRemaining.getAsLong()) : headerRemaining.getAsLong();
            resetEpochMillis = reset;
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
        // the 429's own reset is authoritative: it may be a shorter window than the one we were tracking
        resetEpochMillis = until;
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

    /** Gives back the unit reserved for a request that never reached Braze (in the window it was taken from). */
    public synchronized void release(long nowMillis) {
        unanswered(nowMillis);
        if (remaining >= 0 && resetEpochMillis > nowMillis && remaining < limit) {
            remaining++;
        }
    }

    /** A request ended without an answer: if it was the probe, the next request becomes the probe. */
    public synchronized void unanswered(long nowMillis) {
        if (!answered) {
            awaitingAnswerSince = 0;
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
