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
