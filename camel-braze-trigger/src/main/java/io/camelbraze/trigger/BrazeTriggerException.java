package io.camelbraze.trigger;

/**
 * Base of every exception the {@code braze-trigger} component raises, so one {@code onException} can catch them all.
 */
public class BrazeTriggerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BrazeTriggerException(String message) {
        super(message);
    }

    public BrazeTriggerException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether sending the same exchange again is safe: true only when Braze provably did not accept the request (a 429,
     * a 5xx Braze documents as retryable, a connection that was never made). Routes can use it in
     * {@code onException(BrazeTriggerException.class).onWhen(...)}.
     */
    public boolean isRetrySafe() {
        return false;
    }
}
