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

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/** When a gathering batch leaves, given a free request slot. */
class BatchDepartureTest {

    @Property
    void aBatchLeavesWhenFullTimedOutOrNoPartnerCanComeAndGathersWhileOneMay(
            @ForAll @IntRange(min = 2, max = 50) int batchSize,
            @ForAll @LongRange(min = 0, max = 10_000) long timeout,
            @ForAll @LongRange(min = -1, max = 5_000) long roundTrip,
            @ForAll @IntRange(min = 1, max = 50) int recipients,
            @ForAll @LongRange(min = 0, max = 20_000) long age,
            @ForAll @IntRange(min = 0, max = 64) int inFlight,
            @ForAll @IntRange(min = 0, max = 64) int returning,
            @ForAll boolean holdsReturners) {
        BatchDeparture departure = new BatchDeparture(batchSize, timeout, () -> roundTrip);

        BatchDeparture.Verdict verdict = departure.decide(recipients, age, inFlight, returning, holdsReturners);

        if (recipients >= batchSize || age >= timeout || inFlight == 0 && returning == 0) {
            assertThat(verdict).isEqualTo(BatchDeparture.Verdict.LEAVE);
        } else if (holdsReturners && returning == 0) {
            assertThat(verdict).as("the senders answered are all back: waiting longer brings no one")
                    .isEqualTo(BatchDeparture.Verdict.LEAVE_UNLESS_BUDGET_TIGHT);
        } else if (holdsReturners) {
            assertThat(verdict).as("senders known to come back are waited for a while")
                    .isEqualTo(age < departure.returnersWaitMillis() ? BatchDeparture.Verdict.STAY
                            : BatchDeparture.Verdict.LEAVE_UNLESS_BUDGET_TIGHT);
        } else if (age < departure.lingerMillis()) {
            assertThat(verdict).as("a partial batch gathers while it is young and partners may come")
                    .isEqualTo(BatchDeparture.Verdict.STAY);
        } else {
            assertThat(verdict).isEqualTo(BatchDeparture.Verdict.LEAVE_UNLESS_BUDGET_TIGHT);
        }
    }

    @Property
    void itLingersAPartOfTheRoundTripWithinTheTimeoutOnceTheRoundTripIsKnown(@ForAll @LongRange(min = 0, max = 10_000) long timeout,
                                                      @ForAll @LongRange(min = -1, max = 5_000) long roundTrip) {
        long linger = new BatchDeparture(50, timeout, () -> roundTrip).lingerMillis();

        assertThat(linger).isLessThanOrEqualTo(timeout);
        assertThat(linger).isEqualTo(roundTrip < 0 ? timeout
                : Math.min(timeout, Math.max(BatchDeparture.MIN_LINGER_MILLIS, roundTrip / BatchDeparture.LINGER_PART_OF_ROUND_TRIP)));
    }

    @Property
    void theNextChangeIsWhenALingerOrTheTimeoutRunsOut(@ForAll @LongRange(min = 0, max = 10_000) long timeout,
                                                       @ForAll @LongRange(min = -1, max = 5_000) long roundTrip,
                                                       @ForAll @LongRange(min = 0, max = 20_000) long age,
                                                       @ForAll boolean holdsReturners) {
        BatchDeparture departure = new BatchDeparture(50, timeout, () -> roundTrip);
        long wait = holdsReturners ? departure.returnersWaitMillis() : departure.lingerMillis();

        long next = departure.untilNextChange(age, holdsReturners);

        assertThat(wait).isLessThanOrEqualTo(timeout);
        if (age >= timeout) {
            assertThat(next).isZero();
        } else {
            assertThat(age + next).isIn(wait, timeout);
            assertThat(next).isPositive();
        }
    }
}
