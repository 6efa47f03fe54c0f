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
package io.camelbraze.trigger.health;

import java.util.Map;
import java.util.Objects;

import io.camelbraze.trigger.BrazeAction;
import io.camelbraze.trigger.BrazeTriggerEndpoint;
import io.camelbraze.trigger.delivery.DeliveryListener.FailureKind;
import io.camelbraze.trigger.delivery.DeliveryStatistics;
import io.camelbraze.trigger.delivery.DeliveryStatus;
import io.camelbraze.trigger.ratelimit.RateLimitRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Producer health check of one {@code braze-trigger} endpoint. It makes no request of its own (a trigger send has
 * side effects and Braze has no harmless endpoint for a trigger-only key); it reports what the endpoint's deliveries
 * taught:
 * <ul>
 *   <li>DOWN after Braze answered 401 or 403 (bad or under-permissioned API key), UP again once a request is
 *   accepted;</li>
 *   <li>UP otherwise, also while rate limited (the component waits and retries; a 429 is not an outage).</li>
 * </ul>
 * Details carry the counters and the rate-limit state of the key's buckets ({@code targeted.remaining},
 * {@code targeted.limit}, {@code targeted.reset}, and the same for {@code broadcast}). Neither the id nor the details
 * contain the API key or recipient data: the id is {@code producer:braze-trigger-<operation>-<target id>}.
 */
public class BrazeTriggerProducerHealthCheck extends AbstractHealthCheck {

    private final BrazeTriggerEndpoint endpoint;
    private final RateLimitRegistry.Buckets buckets;

    /**
     * @param endpoint the endpoint whose statistics are reported
     * @param buckets  the rate-limit buckets the endpoint's producer uses
     */
    public BrazeTriggerProducerHealthCheck(BrazeTriggerEndpoint endpoint, RateLimitRegistry.Buckets buckets) {
        super("camel", idOf(endpoint));
        this.endpoint = endpoint;
        this.buckets = buckets;
    }

    /**
     * The check id: {@code producer:braze-trigger-canvas-<canvasId>}, or {@code ...-<header>} when the id comes per message;
     * other actions than send insert theirs, e.g. {@code producer:braze-trigger-canvas-schedule-<canvasId>}.
     */
    static String idOf(BrazeTriggerEndpoint endpoint) {
        BrazeAction action = endpoint.getConfiguration().getAction();
        return "producer:braze-trigger-" + endpoint.getConfiguration().getOperation().name() + "-"
               + (action == BrazeAction.send ? "" : action.name() + "-")
               + Objects.toString(endpoint.getConfiguration().targetId(), "header");
    }

    @Override
    public boolean isLiveness() {
        // a rejected key does not make the JVM dead: restarting would not fix it
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        DeliveryStatistics statistics = endpoint.getStatistics();
        builder.detail("operation", endpoint.getConfiguration().getOperation().name());
        builder.detail("serviceUrl", endpoint.getServiceUrl());
        builder.details(DeliveryStatus.counters(statistics));
        DeliveryStatus.rateLimits(buckets).forEach(
                (bucket, state) -> state.forEach((name, value) -> builder.detail(bucket + "." + name, value)));
        if (statistics.lastFailureKind() == FailureKind.AUTHENTICATION) {
            builder.message("Braze rejected the API key (HTTP 401/403): check the key and its permissions for "
                            + endpoint.getConfiguration().requestPath());
            builder.down();
        } else {
            builder.up();
        }
    }
}
