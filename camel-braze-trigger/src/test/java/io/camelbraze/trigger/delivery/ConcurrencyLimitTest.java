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

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/** Little's law as a bulk send applies it: enough requests in flight to spend the budget, never more than allowed. */
class ConcurrencyLimitTest {

    @Property
    void staysBetweenOneAndTheMaximum(@ForAll @IntRange(min = -2, max = 500) int max,
                                      @ForAll @DoubleRange(min = 0, max = 100_000) double budgetPerSecond,
                                      @ForAll @LongRange(min = -1, max = 60_000) long roundTripMillis) {
        int limit = ConcurrencyLimit.of(max, budgetPerSecond, roundTripMillis);

        assertThat(limit).isBetween(1, Math.max(1, max));
    }

    @Property
    void keepsEnoughInFlightToSpendTheBudgetAtTheRoundTrip(@ForAll @IntRange(min = 1, max = 500) int max,
                                                         @ForAll @DoubleRange(min = 0, max = 10_000) double budgetPerSecond,
                                                         @ForAll @LongRange(min = 0, max = 10_000) long roundTripMillis) {
        double needed = budgetPerSecond * roundTripMillis / 1000.0; // requests in flight = rate x time in flight

        int limit = ConcurrencyLimit.of(max, budgetPerSecond, roundTripMillis);

        assertThat((double) limit).isGreaterThanOrEqualTo(Math.min(max, needed));
    }

    @Property
    void growsWithTheBudgetAndTheRoundTrip(@ForAll @IntRange(min = 1, max = 500) int max,
                                           @ForAll @DoubleRange(min = 0, max = 1_000) double budgetPerSecond,
                                           @ForAll @DoubleRange(min = 0, max = 1_000) double moreBudget,
                                           @ForAll @LongRange(min = 0, max = 5_000) long roundTripMillis,
                                           @ForAll @LongRange(min = 0, max = 5_000) long longer) {
        int limit = ConcurrencyLimit.of(max, budgetPerSecond, roundTripMillis);

        assertThat(ConcurrencyLimit.of(max, budgetPerSecond + moreBudget, roundTripMillis)).isGreaterThanOrEqualTo(limit);
        assertThat(ConcurrencyLimit.of(max, budgetPerSecond, roundTripMillis + longer)).isGreaterThanOrEqualTo(limit);
    }

    @Property
    void anUnknownBudgetOrRoundTripAllowsTheMaximum(@ForAll @IntRange(min = 1, max = 500) int max,
                                                    @ForAll @DoubleRange(min = 0, max = 1_000) double budgetPerSecond) {
        assertThat(ConcurrencyLimit.of(max, Double.POSITIVE_INFINITY, 300)).isEqualTo(max);
        assertThat(ConcurrencyLimit.of(max, budgetPerSecond, -1)).isEqualTo(max);
    }
}
