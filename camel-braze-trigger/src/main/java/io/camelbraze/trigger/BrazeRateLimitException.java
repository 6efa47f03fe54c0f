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
     * The rate-limit budget is spent and waiting for its reset would take the request's rate-limit waits beyond what the
     * component may wait in all; nothing was sent. Carries status 429 because that is what Braze would answer now.
     *
     * @param waitMillis the request's rate-limit waits in all, this one included
     */
    public static BrazeRateLimitException waitBudgetExceeded(Instant resetTime, long waitMillis, long budgetMillis) {
        return new BrazeRateLimitException(
                "Braze rate limit spent: the window resets " + (resetTime == null ? "later" : "at " + resetTime)
                                           + "; waiting for it would make this request's rate-limit waits " + waitMillis
                                           + " ms in all, beyond rateLimitMaxWait (" + budgetMillis
                                           + " ms); the request was not sent",
                null, Map.of(), resetTime);
    }

    /**
     * Braze answered 429 to {@code POST /sends/id/create}: most likely the limit of 100 send ids a day per workspace, which
     * the hourly reset in the response headers does not lift. Not retried by the component, and no reset time, so that no
     * {@code CamelRedeliveryDelay} suggests it will work after the hour.
     */
    public static BrazeRateLimitException sendIdLimit(String brazeMessage, Map<String, String> responseHeaders) {
        return new BrazeRateLimitException(
                "Braze refused to create the send id (HTTP 429" + (brazeMessage == null ? "" : ": " + brazeMessage)
                                           + "), most likely the limit of 100 send ids a day per workspace; not retried:"
                                           + " waiting for the hourly rate-limit reset does not help within the day",
                brazeMessage, responseHeaders, null);
    }

    /** When the rate-limit window resets; null when Braze sent no usable reset header. */
    public Instant getResetTime() {
        return resetTime;
    }
}
