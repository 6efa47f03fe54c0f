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

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelbraze.trigger.ratelimit.RateLimitBucket;
import io.camelbraze.trigger.ratelimit.RateLimitRegistry;

/**
 * One endpoint's delivery state as plain maps, in display order, for the health check's details and the dev console's
 * JSON. Holds counters, the last dispatch id, the last error (kind and status) and rate-limit state: no key, no
 * recipient data.
 */
public final class DeliveryStatus {

    private DeliveryStatus() {
    }

    /** Counters, {@code lastDispatchId} and {@code lastError}; the last two only when known. */
    public static Map<String, Object> counters(DeliveryStatistics statistics) {
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put("requestsSent", statistics.requestsSent());
        counters.put("requestsAccepted", statistics.requestsAccepted());
        counters.put("recipientsAccepted", statistics.recipientsAccepted());
        counters.put("averageLatencyMillis", statistics.averageLatencyMillis());
        counters.put("rateLimited", statistics.rateLimitedCount());
        counters.put("retries", statistics.retries());
        counters.put("pacingWaits", statistics.pacingWaits());
        if (statistics.lastDispatchId() != null) {
            counters.put("lastDispatchId", statistics.lastDispatchId());
        }
        if (statistics.lastError() != null) {
            counters.put("lastError", statistics.lastError());
        }
        return counters;
    }

    /**
     * Per bucket ({@code targeted}, {@code broadcast}): {@code limit} and {@code remaining} (-1 while unknown) and
     * {@code reset} (epoch milliseconds, 0 while unknown).
     */
    public static Map<String, Map<String, Object>> rateLimits(RateLimitRegistry.Buckets buckets) {
        Map<String, Map<String, Object>> limits = new LinkedHashMap<>();
        for (RateLimitBucket bucket : buckets.all()) {
            RateLimitBucket.Snapshot snapshot = bucket.snapshot();
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("limit", snapshot.limit());
            state.put("remaining", snapshot.remaining());
            state.put("reset", snapshot.resetEpochMillis());
            limits.put(snapshot.bucket(), state);
        }
        return limits;
    }
}
