package io.camelbraze.trigger;

import java.time.Instant;
import java.util.Map;

/**
 * Braze answered 429 and the wait for the rate-limit reset was longer than the component's wait budget (or retries were
 * exhausted). Safe to retry after {@link #getResetTime()}; the producer also sets {@code CamelRedeliveryDelay} so that
 * Camel's redelivery waits until then.
 */
public class BrazeRateLimitException extends BrazeApiException {

    private static final long serialVersionUID = 1L;

    private final Instant resetTime;

    public BrazeRateLimitException(String brazeMessage, Map<String, String> responseHeaders, Instant resetTime) {
        this("Braze rate limit exceeded (HTTP 429)" + (resetTime == null ? "" : "; the limit resets at " + resetTime),
             brazeMessage, responseHeaders, resetTime);
    }

    private BrazeRateLimitException(String message, String brazeMessage, Map<String, String> responseHeaders,
                                    Instant resetTime) {
        super(message, 429, brazeMessage, responseHeaders, true);
        this.resetTime = resetTime;
    }

    /**
     * The rate-limit budget is spent and its reset is further away than the component may wait; nothing was sent. Carries
     * status 429 because that is what Braze would answer now.
     */
    public static BrazeRateLimitException waitBudgetExceeded(Instant resetTime, long waitMillis, long budgetMillis) {
        return new BrazeRateLimitException(
                "Braze rate limit spent: the window resets " + (resetTime == null ? "later" : "at " + resetTime) + ", in "
                                           + waitMillis + " ms, beyond rateLimitMaxWait (" + budgetMillis
                                           + " ms); the request was not sent",
                null, Map.of(), resetTime);
    }

    /** When the rate-limit window resets; null when Braze sent no usable reset header. */
    public Instant getResetTime() {
        return resetTime;
    }
}
