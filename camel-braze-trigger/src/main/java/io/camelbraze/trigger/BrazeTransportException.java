package io.camelbraze.trigger;

/**
 * No HTTP response was received: the connection failed, timed out or was dropped. {@link #isPossiblyDelivered()} tells
 * whether the request may have reached Braze (it was written before the failure); Braze has no idempotency key, so such a
 * send is retried only when the endpoint option {@code retryAmbiguousFailures} allows it.
 */
public class BrazeTransportException extends BrazeTriggerException {

    private static final long serialVersionUID = 1L;

    private final boolean possiblyDelivered;

    public BrazeTransportException(String message, Throwable cause, boolean possiblyDelivered) {
        super(message + (possiblyDelivered
                ? " (the request may have been delivered to Braze: sending it again can message customers twice)"
                : " (the request never reached Braze: safe to retry)"), cause);
        this.possiblyDelivered = possiblyDelivered;
    }

    /** True when the request was (or may have been) written before the failure, so Braze may have accepted it. */
    public boolean isPossiblyDelivered() {
        return possiblyDelivered;
    }

    @Override
    public boolean isRetrySafe() {
        return !possiblyDelivered;
    }
}
