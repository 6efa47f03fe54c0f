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
        super("Braze rate limit exceeded (HTTP 429)" + (resetTime == null ? "" : "; the limit resets at " + resetTime),
              429, brazeMessage, responseHeaders, true);
        this.resetTime = resetTime;
    }

    /** When the rate-limit window resets; null when Braze sent no usable reset header. */
    public Instant getResetTime() {
        return resetTime;
    }
}
