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
package io.camelbraze.trigger.logging;

import io.camelbraze.trigger.delivery.AcceptedRequest;
import io.camelbraze.trigger.delivery.DeliveryListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each request of an endpoint at DEBUG (logger {@code io.camelbraze.trigger.logging.DeliveryLogger}): recipient
 * counts, latency, dispatch ids, 429s, retries, waits and failures by kind and status. It receives no recipient data
 * and never sees the API key, so nothing personal or secret can reach the log from here.
 */
public final class DeliveryLogger implements DeliveryListener {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLogger.class);

    private final String target;

    /** @param target how log lines name the endpoint, e.g. {@code canvas cv-1}; must not contain secrets */
    public DeliveryLogger(String target) {
        this.target = target;
    }

    @Override
    public void requestSent(int recipients) {
        LOG.trace("{}: sending a request with {} recipient(s)", target, recipients);
    }

    @Override
    public void requestAccepted(int recipients, long latencyMillis, AcceptedRequest result) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: Braze accepted a request with {} recipient(s) in {} ms, dispatch id {}{}{}", target, recipients,
                    latencyMillis, result.dispatchId(), result.notice() == null ? "" : ", with a notice",
                    result.errors().isEmpty() ? "" : ", with " + result.errors().size() + " non-fatal error(s)");
        }
    }

    @Override
    public void rateLimited() {
        LOG.debug("{}: Braze answered 429 (rate limited)", target);
    }

    @Override
    public void retryScheduled(FailureKind reason, long delayMillis) {
        LOG.debug("{}: retrying in {} ms after {}", target, delayMillis, reason);
    }

    @Override
    public void pacingWait(long delayMillis) {
        LOG.debug("{}: rate-limit budget spent, waiting {} ms for the reset", target, delayMillis);
    }

    @Override
    public void failed(FailureKind kind, String description) {
        LOG.debug("{}: failed ({}: {})", target, kind, description);
    }
}
