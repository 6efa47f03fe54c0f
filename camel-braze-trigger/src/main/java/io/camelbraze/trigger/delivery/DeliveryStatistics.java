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

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counters of one endpoint's deliveries, read by the health check and the dev console. Holds no recipient data: the last
 * error is described by kind and status only.
 */
public final class DeliveryStatistics implements DeliveryListener {

    private final AtomicLong requestsSent = new AtomicLong();
    private final AtomicLong requestsAccepted = new AtomicLong();
    private final AtomicLong recipientsAccepted = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong pacingWaits = new AtomicLong();
    private final AtomicLong totalLatencyMillis = new AtomicLong();
    private final Map<FailureKind, AtomicLong> failures = new EnumMap<>(FailureKind.class);
    private final AtomicReference<String> lastDispatchId = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final AtomicReference<FailureKind> lastFailureKind = new AtomicReference<>();

    public DeliveryStatistics() {
        for (FailureKind kind : FailureKind.values()) {
            failures.put(kind, new AtomicLong());
        }
    }

    @Override
    public void requestSent(int recipients) {
        requestsSent.incrementAndGet();
    }

    @Override
    public void requestAccepted(int recipients, long latencyMillis, AcceptedRequest result) {
        requestsAccepted.incrementAndGet();
        recipientsAccepted.addAndGet(recipients);
        totalLatencyMillis.addAndGet(latencyMillis);
        if (result.dispatchId() != null) {
            lastDispatchId.set(result.dispatchId());
        }
        // an accepted request proves the key works again
        lastFailureKind.compareAndSet(FailureKind.AUTHENTICATION, null);
    }

    @Override
    public void rateLimited() {
        rateLimited.incrementAndGet();
    }

    @Override
    public void retryScheduled(FailureKind reason, long delayMillis) {
        retries.incrementAndGet();
    }

    @Override
    public void pacingWait(long delayMillis) {
        pacingWaits.incrementAndGet();
    }

    @Override
    public void failed(FailureKind kind, String description) {
        failures.get(kind).incrementAndGet();
        lastError.set(kind + ": " + description);
        lastFailureKind.set(kind);
    }

    public long requestsSent() {
        return requestsSent.get();
    }

    public long requestsAccepted() {
        return requestsAccepted.get();
    }

    public long recipientsAccepted() {
        return recipientsAccepted.get();
    }

    public long rateLimitedCount() {
        return rateLimited.get();
    }

    public long retries() {
        return retries.get();
    }

    public long pacingWaits() {
        return pacingWaits.get();
    }

    public long failures(FailureKind kind) {
        return failures.get(kind).get();
    }

    public long averageLatencyMillis() {
        long accepted = requestsAccepted.get();
        return accepted == 0 ? 0 : totalLatencyMillis.get() / accepted;
    }

    public String lastDispatchId() {
        return lastDispatchId.get();
    }

    /** Kind and status of the last failure, e.g. {@code AUTHENTICATION: HTTP 401}; null when none. */
    public String lastError() {
        return lastError.get();
    }

    /** The kind of the most recent failure, cleared for AUTHENTICATION once a request is accepted again. */
    public FailureKind lastFailureKind() {
        return lastFailureKind.get();
    }
}
