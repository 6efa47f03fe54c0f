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
package io.camelbraze.trigger.batch;

import java.util.function.LongSupplier;

/**
 * When a gathering batch leaves, once a request slot of its kind is free (at most {@code maxConcurrentRequests} are in
 * flight):
 * <ul>
 * <li>when it is full;</li>
 * <li>when nothing of its kind is in flight and no sender of an answered request is still to come back: no partner
 * can come (a sequential split's record never waits);</li>
 * <li>as soon as the senders of the requests of its kind that were answered are all back: synchronous senders (JMS
 * consumers, a thread pool) send their next record when the last one's answer comes, so a batch of them is complete
 * then; it waits for them at most a quarter of the round trip, and leaves then unless the workspace's budget is
 * tight;</li>
 * <li>after lingering a small part of Braze's round trip, so that records arriving together share a request without
 * their senders waiting a whole round trip for it; unless the workspace's budget is tight (a request now would wait at
 * the rate limit, or this node spends it faster than it lasts to the window's reset): then it stays to fill, so that
 * recipients per request rise as the budget tightens;</li>
 * <li>after {@code batchTimeout} in any case.</li>
 * </ul>
 * Pure: the state it decides from is passed in.
 */
public final class BatchDeparture {

    /** The shortest linger: below it a batch would hardly gather anything (a fake or local Braze answers in about 1 ms). */
    static final long MIN_LINGER_MILLIS = 2;
    /** A batch lingers this part of the round trip: its senders wait 1/20 longer than alone, for a request shared. */
    static final int LINGER_PART_OF_ROUND_TRIP = 20;
    /** Senders known to be coming back (their answer came) are waited for at most this part of the round trip. */
    static final int RETURNERS_PART_OF_ROUND_TRIP = 4;

    private final int batchSize;
    private final long timeoutMillis;
    private final LongSupplier roundTripMillis;

    /**
     * @param batchSize       recipients a request may carry
     * @param timeoutMillis   {@code batchTimeout}: the longest a batch gathers
     * @param roundTripMillis Braze's average round trip, negative while unknown
     */
    public BatchDeparture(int batchSize, long timeoutMillis, LongSupplier roundTripMillis) {
        this.batchSize = batchSize;
        this.timeoutMillis = Math.max(0, timeoutMillis);
        this.roundTripMillis = roundTripMillis;
    }

    public int batchSize() {
        return batchSize;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    /**
     * How long a partial batch gathers when the budget is not tight; until Braze's round trip is known, as long as the
     * requests in flight take (it leaves when none is left, as in a group commit) or {@code batchTimeout}.
     */
    public long lingerMillis() {
        long roundTrip = roundTripMillis.getAsLong();
        if (roundTrip < 0) {
            return timeoutMillis;
        }
        long linger = Math.max(MIN_LINGER_MILLIS, roundTrip / LINGER_PART_OF_ROUND_TRIP);
        return Math.min(timeoutMillis, linger);
    }

    /** What becomes of a gathering batch when a request slot is free. */
    public enum Verdict {
        /** It leaves now. */
        LEAVE,
        /** It has lingered long enough: it leaves unless the workspace's budget is tight. */
        LEAVE_UNLESS_BUDGET_TIGHT,
        /** It gathers on. */
        STAY
    }

    /** How long a batch holding senders that came back waits for the others still expected. */
    public long returnersWaitMillis() {
        long roundTrip = roundTripMillis.getAsLong();
        return roundTrip < 0 ? lingerMillis() : Math.max(lingerMillis(), Math.min(timeoutMillis, roundTrip / RETURNERS_PART_OF_ROUND_TRIP));
    }

    /**
     * @param recipients     recipients the batch carries
     * @param ageMillis      since its first record joined
     * @param inFlight       requests of its kind in flight
     * @param returning      senders of answered requests of its kind that have not sent again yet
     * @param holdsReturners the batch holds records of such senders that came back
     */
    public Verdict decide(int recipients, long ageMillis, int inFlight, int returning, boolean holdsReturners) {
        if (recipients >= batchSize || ageMillis >= timeoutMillis || inFlight == 0 && returning == 0) {
            return Verdict.LEAVE;
        }
        long waitFor = holdsReturners ? (returning == 0 ? 0 : returnersWaitMillis()) : lingerMillis();
        return ageMillis >= waitFor ? Verdict.LEAVE_UNLESS_BUDGET_TIGHT : Verdict.STAY;
    }

    /** Milliseconds until the verdict on a batch of this age may change with time alone (0: none will). */
    public long untilNextChange(long ageMillis, boolean holdsReturners) {
        long wait = holdsReturners ? returnersWaitMillis() : lingerMillis(); // never beyond the timeout
        return ageMillis < wait ? wait - ageMillis : Math.max(0, timeoutMillis - ageMillis);
    }
}
