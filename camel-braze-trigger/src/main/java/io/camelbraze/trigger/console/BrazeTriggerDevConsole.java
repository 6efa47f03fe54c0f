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
package io.camelbraze.trigger.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.camelbraze.trigger.BrazeTriggerEndpoint;
import io.camelbraze.trigger.delivery.DeliveryStatistics;
import io.camelbraze.trigger.delivery.DeliveryStatus;
import io.camelbraze.trigger.ratelimit.RateLimitBucket;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.json.JsonObject;

/**
 * Dev console {@code braze-trigger} (Camel JBang: {@code camel get braze-trigger} / the dev console HTTP endpoint):
 * per {@code braze-trigger} endpoint, its sends, recipients, last dispatch id, rate-limit remaining and reset, and last
 * error. Endpoint URIs are shown sanitized (the API key masked); no recipient data is held anywhere it reads from.
 */
@org.apache.camel.spi.annotations.DevConsole(name = "braze-trigger", displayName = "Braze Trigger",
                                              description = "Sends, rate limits and errors of braze-trigger endpoints")
public class BrazeTriggerDevConsole extends AbstractDevConsole {

    public BrazeTriggerDevConsole() {
        super("camel", "braze-trigger", "Braze Trigger", "Sends, rate limits and errors of braze-trigger endpoints");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (BrazeTriggerEndpoint endpoint : endpoints()) {
            DeliveryStatistics s = endpoint.getStatistics();
            text.append(String.format("%n    Endpoint: %s%n", uriOf(endpoint)));
            text.append(String.format("    Requests: %d sent, %d accepted (avg %d ms), %d recipients%n",
                    s.requestsSent(), s.requestsAccepted(), s.averageLatencyMillis(), s.recipientsAccepted()));
            text.append(String.format("    Rate limited (429): %d, retries: %d, pacing waits: %d%n",
                    s.rateLimitedCount(), s.retries(), s.pacingWaits()));
            text.append(String.format("    Last dispatch id: %s%n", Objects.toString(s.lastDispatchId(), "-")));
            for (RateLimitBucket.Snapshot b : buckets(endpoint)) {
                text.append(String.format("    Rate limit %s: %s of %s remaining, reset %s%n", b.bucket(),
                        b.remaining() < 0 ? "?" : b.remaining(), b.limit() < 0 ? "?" : b.limit(),
                        b.resetEpochMillis() == 0 ? "-" : Instant.ofEpochMilli(b.resetEpochMillis())));
            }
            text.append(String.format("    Last error: %s%n", Objects.toString(s.lastError(), "-")));
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        List<JsonObject> list = new ArrayList<>();
        for (BrazeTriggerEndpoint endpoint : endpoints()) {
            JsonObject json = new JsonObject();
            json.put("uri", uriOf(endpoint));
            json.put("operation", endpoint.getConfiguration().getOperation().name());
            json.put("targetId", endpoint.getConfiguration().targetId());
            json.putAll(DeliveryStatus.counters(endpoint.getStatistics()));
            json.put("rateLimits", DeliveryStatus.rateLimits(endpoint.rateLimitBuckets()));
            list.add(json);
        }
        root.put("endpoints", list);
        return root;
    }

    private List<BrazeTriggerEndpoint> endpoints() {
        return getCamelContext().getEndpoints().stream()
                .filter(BrazeTriggerEndpoint.class::isInstance)
                .map(BrazeTriggerEndpoint.class::cast)
                .toList();
    }

    private static String uriOf(BrazeTriggerEndpoint endpoint) {
        return URISupport.sanitizeUri(endpoint.getEndpointUri());
    }

    private static List<RateLimitBucket.Snapshot> buckets(BrazeTriggerEndpoint endpoint) {
        return endpoint.rateLimitBuckets().all().stream().map(RateLimitBucket::snapshot).toList();
    }
}
