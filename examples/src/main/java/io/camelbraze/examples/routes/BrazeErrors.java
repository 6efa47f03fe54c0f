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
package io.camelbraze.examples.routes;

import io.camelbraze.trigger.BrazeApiException;
import io.camelbraze.trigger.BrazeTriggerException;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * How the example routes tell Braze failures apart. Only failures Braze provably did not act on (429, retryable 5xx, a
 * connection never made) are worth redelivering: Braze has no idempotency key, so resending anything else risks a
 * duplicate message or repeats a request Braze already refused.
 */
public final class BrazeErrors {

    private static final int MAX_REASON_LENGTH = 500;

    private BrazeErrors() {
    }

    /**
     * For {@code onException(...).retryWhile(...)}: redeliver at most {@code times} times, and only while Braze provably
     * did not accept the request.
     */
    public static Predicate retrySafeAtMost(int times) {
        return exchange -> {
            BrazeTriggerException failure = failure(exchange);
            // Camel counts the redelivery it is deciding on: 1 before the first one
            int redelivery = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
            return isRetrySafe(failure) && redelivery <= times;
        };
    }

    /**
     * Whether Braze provably did not act on the failed request. A 504 never counts: a gateway that gave up waiting says
     * nothing of whether Braze processed the request (the component itself doesn't retry it), although
     * {@code BrazeApiException.isRetrySafe()} currently answers true for it.
     */
    public static boolean isRetrySafe(Throwable failure) {
        if (failure instanceof BrazeApiException api && api.getStatusCode() == 504) {
            return false;
        }
        return failure instanceof BrazeTriggerException braze && braze.isRetrySafe();
    }


    /** One line naming the failure, short enough for a header, a table column or a log line. */
    public static String reason(Exchange exchange) {
        Throwable failure = exchange.getException();
        if (failure == null) {
            failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        if (failure == null) {
            return "unknown failure";
        }
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        text = text.replace('\n', ' ').replace('\r', ' ');
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH) + "…";
    }

    private static BrazeTriggerException failure(Exchange exchange) {
        BrazeTriggerException failure = exchange.getException(BrazeTriggerException.class);
        if (failure == null) {
            Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            while (caught != null && !(caught instanceof BrazeTriggerException)) {
                caught = caught.getCause();
            }
            failure = (BrazeTriggerException) caught;
        }
        return failure;
    }
}
