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

import io.camelbraze.trigger.ratelimit.RateLimitBucket;

/**
 * Liveness of a simulated schedule: the latest its exchanges may complete, computed from the schedule. From when the
 * faults have stopped and the answers drawn before have come: every try of every request (each request of each step of
 * each exchange, each retry, each redelivery) one after another, each on the wire for a round trip and waiting out its
 * retry's backoff; the windows all those tries need at Braze's budget, and the windows this node's share of the budget
 * takes to grow back to the whole; every redelivery's delay; every batch member gathering for its batch's timeout; and
 * slack. Generous: a schedule that merely runs slowly stays within it; waits that never end in a send, or a request
 * stalled until some far timeout, go beyond it.
 */
final class CompletionBound {

    /** Windows after the faults stop in which the share of a node alone grows from its least (1/16) to the whole. */
    static final int SHARE_GROWTH_WINDOWS = 4;
    /** The longest the simulated route waits before a redelivery. */
    static final long REDELIVERY_DELAY_MAX_MILLIS = 3000;
    static final long SLACK_MILLIS = 5000;

    private final long limitPerWindow;
    private final long windowMillis;
    private final int triesPerRequest;
    private final long backoffMaxMillis;
    private final long batchTimeoutMillis;
    private long startedBy;
    private long tries;
    private long redeliveries;
    private long memberSteps;

    /**
     * @param limitPerWindow   Braze's budget per window, 0: it does not limit
     * @param startedBy        when the faults stopped and the answers drawn before them have come (epoch ms)
     * @param triesPerRequest  a request's first try and its retries
     * @param backoffMaxMillis the longest backoff before a retry
     */
    CompletionBound(long limitPerWindow, long windowMillis, long startedBy, int triesPerRequest, long backoffMaxMillis,
                    long batchTimeoutMillis) {
        this.limitPerWindow = limitPerWindow;
        this.windowMillis = windowMillis;
        this.startedBy = startedBy;
        this.triesPerRequest = triesPerRequest;
        this.backoffMaxMillis = backoffMaxMillis;
        this.batchTimeoutMillis = batchTimeoutMillis;
    }

    /** An exchange of the schedule, starting at {@code startAt}: its steps, requests per step and redeliveries. */
    void exchange(long startAt, int steps, int requestsPerStep, int maxRedeliveries, boolean batchMember) {
        startedBy = Math.max(startedBy, startAt);
        long attempts = 1L + maxRedeliveries;
        tries += attempts * steps * requestsPerStep * triesPerRequest;
        redeliveries += maxRedeliveries;
        if (batchMember) {
            memberSteps += attempts * steps;
        }
    }

    /** The latest an exchange of the schedule may complete (epoch ms). */
    long millis() {
        return startedBy + pacingMillis() + tries * (SimulatedBraze.ROUND_TRIP_MAX_MILLIS + backoffMaxMillis)
               + redeliveries * REDELIVERY_DELAY_MAX_MILLIS + memberSteps * batchTimeoutMillis + SLACK_MILLIS;
    }

    private long pacingMillis() {
        if (limitPerWindow == 0) {
            return 0;
        }
        long windows = (tries + limitPerWindow - 1) / limitPerWindow + SHARE_GROWTH_WINDOWS;
        return windows * (windowMillis + RateLimitBucket.RESET_GUARD_MILLIS);
    }

    @Override
    public String toString() {
        return "from " + startedBy + ": " + tries + " tries, budget " + limitPerWindow + " per " + windowMillis + " ms, "
               + redeliveries + " redeliveries, " + memberSteps + " batch member steps: " + millis();
    }
}
