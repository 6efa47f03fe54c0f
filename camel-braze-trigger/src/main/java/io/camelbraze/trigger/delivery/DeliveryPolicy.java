package io.camelbraze.trigger.delivery;

/**
 * How hard the component tries before a failure goes to the route's error handler.
 *
 * @param maxRetries             retries per request for 429, 5xx and connections that never reached Braze
 * @param backoff                wait between retries of 5xx and connection failures
 * @param retryAmbiguousFailures also retry timeouts and dropped connections after the request was written
 * @param rateLimitMaxWaitMillis longest a request may wait for rate-limit resets in all; more fails with BrazeRateLimitException
 * @param retryRateLimited       retry after a 429 (false for /sends/id/create, whose daily limit an hourly reset does not lift)
 */
public record DeliveryPolicy(int maxRetries, RetryBackoff backoff, boolean retryAmbiguousFailures, long rateLimitMaxWaitMillis,
                             boolean retryRateLimited) {

    /** A policy that retries 429s. */
    public DeliveryPolicy(int maxRetries, RetryBackoff backoff, boolean retryAmbiguousFailures, long rateLimitMaxWaitMillis) {
        this(maxRetries, backoff, retryAmbiguousFailures, rateLimitMaxWaitMillis, true);
    }
}
