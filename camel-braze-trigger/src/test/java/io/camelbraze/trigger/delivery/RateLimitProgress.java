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
package io.camelbraze.trigger.delivery;

import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Liveness at the rate limit, for the delivery simulation: a rate-limit wait is worth its time only if a request may go
 * on the wire when it ends. Without a request on the wire no answer can change what the bucket knows, so once the reset
 * it knows of has passed, a new window lets a request go. Waits told one after another with no request on the wire or
 * sent meanwhile, for longer than a bound past any reset the bucket can know of, are a livelock. (A small budget whose
 * reset was unknown with nothing in flight told every request to wait a second, again and again, until its
 * {@code rateLimitMaxWait} ran out; none went.)
 * <p>
 * A wait counts when it is told: a pacing wait, a retry after a 429, or a request failed because the wait it was told
 * exceeds its {@code rateLimitMaxWait}.
 */
final class RateLimitProgress implements DeliveryListener {

    private final LongSupplier clock;
    private final IntSupplier onWire;
    private final long quietLimitMillis;
    private final List<String> log;
    private long quietSince = -1; // the first wait told since a request was last on the wire, -1: none
    private String livelock;

    /**
     * @param onWire           requests sent and not yet answered, of every delivery
     * @param quietLimitMillis how long waits may go on with no request on the wire
     * @param log              the schedule's event log
     */
    RateLimitProgress(LongSupplier clock, IntSupplier onWire, long quietLimitMillis, List<String> log) {
        this.clock = clock;
        this.onWire = onWire;
        this.quietLimitMillis = quietLimitMillis;
        this.log = log;
    }

    /** What was violated, or null. */
    String violation() {
        return livelock;
    }

    @Override
    public void requestSent(int recipients) {
        quietSince = -1;
    }

    @Override
    public void pacingWait(long delayMillis) {
        waitTold("a rate-limit wait of " + delayMillis + " ms");
    }

    @Override
    public void retryScheduled(FailureKind reason, long delayMillis) {
        if (reason == FailureKind.RATE_LIMIT) {
            waitTold("a retry after a 429 in " + delayMillis + " ms");
        }
    }

    @Override
    public void failed(FailureKind kind, String description) {
        if (kind == FailureKind.RATE_LIMIT) {
            waitTold("a request failed at the rate limit (" + description + ")");
        }
    }

    private void waitTold(String what) {
        long now = clock.getAsLong();
        log.add(now + " " + what + ", " + onWire.getAsInt() + " request(s) on the wire");
        if (onWire.getAsInt() > 0) {
            quietSince = -1; // an answer on its way may end it
            return;
        }
        if (quietSince < 0) {
            quietSince = now;
        } else if (livelock == null && now - quietSince > quietLimitMillis) {
            livelock = "rate-limit waits told for " + (now - quietSince) + " ms (from " + quietSince + ") with no request on"
                       + " the wire, more than " + quietLimitMillis + " ms: a livelock (no answer is on its way to end them)";
        }
    }
}
