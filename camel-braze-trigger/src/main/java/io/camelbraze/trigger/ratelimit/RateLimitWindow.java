/*
 * Copyright 2026 The camel-braze-trigger authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.camelbraze.trigger.ratelimit;

import static io.camelbraze.trigger.ratelimit.RateLimitBucket.PROBE_TIMEOUT_MILLIS;
import static io.camelbraze.trigger.ratelimit.RateLimitBucket.RESET_GUARD_MILLIS;
import static io.camelbraze.trigger.ratelimit.RateLimitBucket.UNKNOWN_RESET_WAIT_MILLIS;

import java.util.Map;
import java.util.OptionalLong;

/**
 * The window accounting of one {@link RateLimitBucket}: what Braze said of the current window (limit, remaining, reset),
 * this node's requests in flight and reserved in it, and what the outcome of each reservation teaches.
 *
 * <h2>Budget</h2>
 * Braze's {@code X-RateLimit-Remaining} counts the whole workspace; a request this node reserved is counted by Braze only
 * when it arrives there. The budget this node may still reserve is therefore the smallest {@code Remaining} Braze gave
 * for the current window minus this node's requests in flight (after a reset, before Braze's first answer of the new
 * window: the limit minus the requests in flight). Waiting for answers in flight, rather than for the reset, when this
 * runs out means a request Braze did not count after all (it landed in the previous window, or its answer was already
 * reflected) is not lost.
 *
 * <p>Each answer and each new window is reported to the {@link WorkspaceShare} given at construction, which estimates
 * from them. Not thread-safe on its own: guarded by the bucket's lock.
 */
final class RateLimitWindow {

    /** What became of a granted request. */
    enum Outcome { ANSWERED, RATE_LIMITED, NEVER_SENT, UNANSWERED }

    private final WorkspaceShare share;

    // what Braze said
    private boolean answered;        // the first request was answered (or given up): no more probing
    private boolean paced;           // Braze's rate-limit headers were seen: pace
    private long limit = -1;
    private long resetAt;            // reset of the current window (epoch ms), 0 while unknown
    private long remaining = -1;     // smallest Remaining Braze gave for resetAt, -1 while unknown
    private long lastAnswerAt;

    // this node's requests
    private int inFlight;            // granted and not yet settled
    private long number;             // +1 at each new window; reservations remember theirs
    private long reservedInWindow;   // granted in this window, or in flight when it started (may land in it)
    private long windowStartedAt;
    private long lengthMillis = -1;  // the last window's length as seen from its start to its reset, -1 while unknown
    private long probeSince;         // while nothing is known: when the last request that goes first went, 0 if none

    RateLimitWindow(WorkspaceShare share) {
        this.share = share;
    }

    /** The first request was answered (or given up): the budget is no longer probed. */
    boolean answered() {
        return answered;
    }

    /**
     * While nothing is known: whether one more request may go first (none is on its way, or the last one's answer is
     * overdue).
     */
    boolean mayProbe(long now) {
        return probeSince == 0 || now - probeSince >= PROBE_TIMEOUT_MILLIS;
    }

    /** Braze's rate-limit headers were seen and told the limit: this node paces (else Braze decides). */
    boolean pacing() {
        return paced && limit >= 0;
    }

    /** Last {@code X-RateLimit-Limit}, -1 if unknown. */
    long limit() {
        return limit;
    }

    /** Reset of the current window (epoch ms), 0 while unknown. */
    long resetAt() {
        return resetAt;
    }

    /** Braze said the budget of the current window is spent, and its reset is still to come. */
    boolean spent(long now) {
        return remaining == 0 && resetAt > now;
    }

    long lastAnswerAt() {
        return lastAnswerAt;
    }

    /** This node's requests granted and not yet settled. */
    int inFlight() {
        return inFlight;
    }

    /** Granted in this window, or in flight when it started (they may land in it). */
    long reservedInWindow() {
        return reservedInWindow;
    }

    /** When the current window started (as this node saw it: its first answer, or the previous window's reset). */
    long startedAt() {
        return windowStartedAt;
    }

    /**
     * How long a window lasts: the last one's, from its start to its reset; while none ended, the current one's from
     * when this node first saw it (shorter than the whole); -1 while unknown.
     */
    long lengthMillis() {
        if (lengthMillis > 0) {
            return lengthMillis;
        }
        return resetAt > windowStartedAt && windowStartedAt != 0 ? resetAt - windowStartedAt : -1;
    }

    /** Budget left in the window after this node's requests in flight. */
    long free() {
        long base = resetAt != 0 && remaining >= 0 ? remaining : limit;
        return base - inFlight;
    }

    /** The middle of the current window, 0 while its reset is unknown. */
    long middle() {
        return resetAt > windowStartedAt ? windowStartedAt + (resetAt - windowStartedAt) / 2 : 0;
    }

    /**
     * When the state may change with no answer: an overdue probe, or the reset ({@code Long.MAX_VALUE}: not before an
     * answer).
     */
    long nextChange(long now) {
        long next = Long.MAX_VALUE;
        if (!answered && probeSince != 0 && probeSince + PROBE_TIMEOUT_MILLIS > now) {
            next = probeSince + PROBE_TIMEOUT_MILLIS;
        }
        if (resetAt > now) {
            next = Math.min(next, resetAt + RESET_GUARD_MILLIS);
        }
        return next;
    }

    /** Grants one request; returns the number of the window it is granted in (for {@link #settle}). */
    long grant(long now) {
        if (!answered) {
            probeSince = now;
        }
        inFlight++;
        reservedInWindow++;
        return number;
    }

    /**
     * Settles a request granted in window {@code grantedIn}, once.
     *
     * @return for {@link Outcome#RATE_LIMITED}, the epoch millisecond to wait for; else 0
     */
    long settle(long grantedIn, Outcome outcome, Map<String, String> headers, long now) {
        long until = 0;
        inFlight--;
        rollOver(now);
        switch (outcome) {
            case ANSWERED -> {
                // any answer ends the probe, even one without rate-limit headers (a 401, a load balancer's 502)
                answered = true;
                probeSince = 0;
                boolean inCurrentWindow = learn(headers, now, true);
                if (!inCurrentWindow && carried(grantedIn)) {
                    uncharge(); // counted in the window it was taken from
                }
            }
            case RATE_LIMITED -> {
                answered = true;
                probeSince = 0;
                learn(headers, now, false);
                if (carried(grantedIn)) {
                    uncharge(); // a 429 is not counted
                }
                long reset = RateLimitHeaders.resetEpochMillis(headers, now).orElse(0);
                long retryAfter = RateLimitHeaders.retryAfterEpochMillis(headers, now).orElse(0);
                until = Math.max(reset, retryAfter);
                if (until <= now) {
                    until = now + UNKNOWN_RESET_WAIT_MILLIS;
                }
                if (!paced) {
                    paced = true;
                    share.pacingStarted(now);
                }
                // the 429's own reset is authoritative: it may be a shorter window than ours, or a later Retry-After
                resetAt = until;
                remaining = 0;
                if (limit > 0) {
                    share.windowFull(limit);
                }
            }
            case NEVER_SENT, UNANSWERED -> {
                if (outcome == Outcome.NEVER_SENT) {
                    // its unit goes back to the window it was taken from if that is still the current one; a
                    // newer window only loses the charge it carried in case the request landed there
                    uncharge();
                }
                if (!answered) {
                    probeSince = 0; // the first request told nothing: the next caller asks instead
                }
            }
        }
        return until;
    }

    /** For a 429 reported again on a settled reservation: the current reset, or a while from now if it is unknown. */
    long retryAt(long now) {
        return resetAt > now ? resetAt : now + UNKNOWN_RESET_WAIT_MILLIS;
    }

    /** Starts a new window if the current one's reset has passed. */
    void rollOver(long now) {
        if (resetAt != 0 && now >= resetAt) {
            startWindow(now);
        }
    }

    /** Granted before the current window started: charged to it too, in case it landed in it. */
    private boolean carried(long grantedIn) {
        return grantedIn != number;
    }

    /**
     * Learns from the headers of one answer.
     *
     * @param counted Braze counted the request (not a 429)
     * @return whether the answer belongs to the current window (false: an older one, or no rate-limit headers)
     */
    private boolean learn(Map<String, String> headers, long now, boolean counted) {
        RateLimitHeaders.limit(headers).ifPresent(value -> limit = value);
        OptionalLong headerReset = RateLimitHeaders.resetEpochMillis(headers, now);
        OptionalLong headerRemaining = RateLimitHeaders.remaining(headers);
        if (headerReset.isEmpty() || headerRemaining.isEmpty() || limit < 0) {
            return false;
        }
        long reset = headerReset.getAsLong();
        long left = headerRemaining.getAsLong();
        if (!paced) {
            // Braze paces this workspace (even if this first answer comes from a window that is over: then the current
            // window's budget is the limit until an answer tells more)
            paced = true;
            share.pacingStarted(now);
            windowStartedAt = now;
        }
        if (reset <= now) {
            if (resetAt == 0 && reset > windowStartedAt) {
                startWindow(now); // no answer told this window's reset, but it is over: a new one has started
            }
            return false; // a late answer from a window that is over
        }
        lastAnswerAt = now;
        if (resetAt != 0 && reset > resetAt) {
            startWindow(now); // Braze's window moved on before our clock did
        }
        if (resetAt == 0) {
            resetAt = reset;
            remaining = left;
        } else if (reset == resetAt) {
            // answers of concurrent requests arrive out of order: the smallest count is the newest
            remaining = remaining < 0 ? left : Math.min(remaining, left);
        } else {
            return false; // an older window than the one we track (a 429's later Retry-After moved ours)
        }
        share.answered(now, counted, limit - left, middle());
        return true;
    }

    private void uncharge() {
        if (reservedInWindow > 0) {
            reservedInWindow--;
        }
    }

    /** A new window: carry this node's share of the old one; the new one's budget is the limit until Braze tells more. */
    private void startWindow(long now) {
        if (resetAt > windowStartedAt && windowStartedAt != 0) {
            lengthMillis = resetAt - windowStartedAt;
        }
        share.startWindow(now, limit);
        number++;
        // requests still in flight may be counted in the new window: they take from its share until their answers say
        reservedInWindow = inFlight;
        windowStartedAt = now;
        resetAt = 0;
        remaining = -1;
    }
}
