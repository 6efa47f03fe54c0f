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
 * Observes deliveries, for statistics, metrics and the dev console. Implementations must be thread-safe and cheap, and
 * receive no recipient data.
 */
public interface DeliveryListener {

    /** A request with this many recipients (0 for audience/broadcast) is about to be written. */
    default void requestSent(int recipients) {
    }

    /** Braze accepted a request after {@code latencyMillis}. */
    default void requestAccepted(int recipients, long latencyMillis, AcceptedRequest result) {
    }

    /** Braze answered 429. */
    default void rateLimited() {
    }

    /** A request will be sent again after {@code delayMillis} (for the given reason). */
    default void retryScheduled(FailureKind reason, long delayMillis) {
    }

    /** A request waits {@code delayMillis} for a rate-limit window to reset before it is sent. */
    default void pacingWait(long delayMillis) {
    }

    /** An exchange failed. {@code description} holds no PII (exception type and status). */
    default void failed(FailureKind kind, String description) {
    }

    /** Kinds of failure, for counters by kind. */
    enum FailureKind {
        VALIDATION,
        CLIENT_ERROR,
        AUTHENTICATION,
        RATE_LIMIT,
        SERVER_ERROR,
        CONNECTION,
        AMBIGUOUS
    }
}
