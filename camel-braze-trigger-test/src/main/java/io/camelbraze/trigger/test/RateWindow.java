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
package io.camelbraze.trigger.test;

/**
 * One rate-limit bucket: at most {@code limit} requests per fixed window of {@code windowMillis}, windows aligned on
 * the epoch (so a one-hour window resets on the clock hour, as Braze's does). Thread-safe.
 */
final class RateWindow {

    private final int limit;
    private final long windowMillis;
    private long windowStart = Long.MIN_VALUE;
    private int used;

    RateWindow(int limit, long windowMillis) {
        if (limit < 1 || windowMillis < 1) {
            throw new IllegalArgumentException("a rate window needs a positive limit and length");
        }
        this.limit = limit;
        this.windowMillis = windowMillis;
    }

    /** The state at {@code nowMillis}, without taking a request. */
    synchronized RateLimitState peek(long nowMillis) {
        roll(nowMillis);
        return state(used < limit);
    }

    /** Takes one request if the window has room; the state says whether it did. */
    synchronized RateLimitState take(long nowMillis) {
        roll(nowMillis);
        boolean allowed = used < limit;
        if (allowed) {
            used++;
        }
        return state(allowed);
    }

    synchronized void reset() {
        windowStart = Long.MIN_VALUE;
        used = 0;
    }

    private void roll(long nowMillis) {
        long start = Math.floorDiv(nowMillis, windowMillis) * windowMillis;
        if (start != windowStart) {
            windowStart = start;
            used = 0;
        }
    }

    private RateLimitState state(boolean allowed) {
        long endMillis = windowStart + windowMillis;
        return new RateLimitState(allowed, limit, limit - used, Math.floorDiv(endMillis + 999, 1000));
    }
}
