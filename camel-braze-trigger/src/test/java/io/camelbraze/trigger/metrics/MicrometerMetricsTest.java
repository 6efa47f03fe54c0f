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
package io.camelbraze.trigger.metrics;

import java.util.List;
import java.util.Map;

import io.camelbraze.trigger.BrazeTriggerEndpoint;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a {@code MeterRegistry} bound as camel-micrometer binds it ({@code metricsRegistry}), every endpoint records its
 * deliveries, tagged by operation and target id and never by key or recipient.
 */
class MicrometerMetricsTest extends CamelTestSupport {

    private static final String WRONG_KEY = "sk-wrong-DO-NOT-LEAK-42";

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension();

    @BindToRegistry("metricsRegistry")
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("braze-trigger:canvas?canvasId=cv-1");
                from("direct:bad").to("braze-trigger:campaign?campaignId=cmp-1&maxRetries=0&apiKey=" + WRONG_KEY);
            }
        };
    }

    private double count(String name, String... tags) {
        return meters.get(name).tags(tags).counter().count();
    }

    @Test
    void recordsRequestsRecipientsLatency429sRetriesAndFailuresByKind() {
        braze.script().rateLimited(1, 1);
        template.sendBody("direct:send", List.of(Map.of("external_user_id", "pii-user-1"), Map.of("external_user_id", "pii-user-2")));
        template.request("direct:bad", e -> e.getMessage().setBody(Map.of("external_user_id", "pii-user-3")));
        template.request("direct:send", e -> e.getMessage().setBody(Map.of("no_identifier", "x")));

        String[] canvas = { "operation", "canvas", "target", "cv-1" };
        assertThat(count(MicrometerDeliveryListener.REQUESTS, canvas)).isEqualTo(2); // the 429 and its retry
        assertThat(count(MicrometerDeliveryListener.RECIPIENTS, canvas)).isEqualTo(2);
        assertThat(count(MicrometerDeliveryListener.RATE_LIMITED, canvas)).isEqualTo(1);
        assertThat(meters.get(MicrometerDeliveryListener.RETRIES).tags(canvas).tag("reason", "RATE_LIMIT").counter().count())
                .isEqualTo(1);
        assertThat(meters.get(MicrometerDeliveryListener.LATENCY).tags(canvas).timer().count()).isEqualTo(1);
        assertThat(meters.get(MicrometerDeliveryListener.FAILURES).tags(canvas).tag("kind", "VALIDATION").counter().count())
                .isEqualTo(1);
        assertThat(meters.get(MicrometerDeliveryListener.FAILURES).tags("operation", "campaign", "target", "cmp-1")
                .tag("kind", "AUTHENTICATION").counter().count()).isEqualTo(1);
        assertThat(meters.get(MicrometerDeliveryListener.PACING_WAIT).tags(canvas).timer()).isNotNull();

        for (Meter meter : meters.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertThat(tag.getValue()).doesNotContain(WRONG_KEY).doesNotContain(braze.apiKey()).doesNotContain("pii-");
            }
        }
    }

    @Test
    void noListenerWithoutARegistry() throws Exception {
        context.getRegistry().unbind("metricsRegistry");
        BrazeTriggerEndpoint endpoint = context.getEndpoint("braze-trigger:canvas?canvasId=cv-other", BrazeTriggerEndpoint.class);
        assertThat(DeliveryMetrics.listenerFor(endpoint)).isEmpty();
    }

    @Test
    void foundByTypeWhenNotBoundUnderCamelsName() throws Exception {
        context.getRegistry().unbind("metricsRegistry");
        context.getRegistry().bind("myMeters", MeterRegistry.class, meters);
        BrazeTriggerEndpoint endpoint = context.getEndpoint("braze-trigger:canvas?canvasId=cv-typed", BrazeTriggerEndpoint.class);
        assertThat(DeliveryMetrics.listenerFor(endpoint)).isPresent();
    }
}
