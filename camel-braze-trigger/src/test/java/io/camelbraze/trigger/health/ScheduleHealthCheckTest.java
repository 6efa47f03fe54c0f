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

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelbraze.trigger.BrazeTriggerConstants;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Endpoints of one Canvas with different actions have checks of their own, naming the path a rejected key was used on. */
class ScheduleHealthCheckTest extends CamelTestSupport {

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("braze-trigger:canvas?canvasId=cv-1");
                from("direct:schedule").to("braze-trigger:canvas?canvasId=cv-1&action=schedule&maxRetries=0&apiKey=wrong");
                from("direct:cancel").to("braze-trigger:canvas?canvasId=cv-1&action=cancelSchedule");
            }
        };
    }

    @Test
    void oneCheckPerActionAndTheRejectedPathInTheMessage() {
        WritableHealthCheckRepository producers
                = HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class);
        producers.setEnabled(true);
        assertThat(producers.stream().map(HealthCheck::getId)).contains("producer:braze-trigger-canvas-cv-1",
                "producer:braze-trigger-canvas-schedule-cv-1", "producer:braze-trigger-canvas-cancelSchedule-cv-1");

        Exchange rejected = template.request("direct:schedule", e -> e.getMessage().setHeaders(new LinkedHashMap<>(Map.of(
                BrazeTriggerConstants.EXTERNAL_USER_ID, "1", BrazeTriggerConstants.SCHEDULE_TIME, "2030-01-01T00:00:00Z"))));
        assertThat(rejected.getException()).isNotNull();

        HealthCheck schedule = producers.stream().filter(c -> c.getId().equals("producer:braze-trigger-canvas-schedule-cv-1"))
                .findFirst().orElseThrow();
        HealthCheck.Result result = schedule.call();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).endsWith("/canvas/trigger/schedule/create"));
    }
}
