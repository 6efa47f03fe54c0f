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
