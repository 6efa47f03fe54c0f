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

/**
 * How many requests one bulk send keeps in flight: as many as spend the workspace's budget at the pace Braze answers
 * (Little's law: requests in flight = requests per second &times; seconds per request), never more than
 * {@code maxConcurrentRequests}. More in flight would not send faster under the budget; they would only wait at the
 * rate limit, holding pending-request places and connections other exchanges could use.
 */
public final class ConcurrencyLimit {

    /** Slack above the exact figure: round trips vary, and the rate-limit bucket paces whatever goes anyway. */
    static final double HEADROOM = 1.25;

    private ConcurrencyLimit() {
    }

    /**
     * @param max             {@code maxConcurrentRequests}
     * @param budgetPerSecond requests per second this node may spend (infinite: Braze does not pace, or it is not known)
     * @param roundTripMillis the average round trip, negative while unknown
     * @return between 1 and {@code max}
     */
    public static int of(int max, double budgetPerSecond, long roundTripMillis) {
        int cap = Math.max(1, max);
        if (roundTripMillis < 0 || Double.isNaN(budgetPerSecond) || Double.isInfinite(budgetPerSecond)) {
            return cap;
        }
        double needed = Math.ceil(Math.max(0, budgetPerSecond) * roundTripMillis / 1000.0 * HEADROOM) + 1;
        return (int) Math.min(cap, Math.max(1, needed));
    }
}
