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

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import io.camelbraze.trigger.BrazeTriggerEndpoint;
import io.camelbraze.trigger.delivery.AcceptedRequest;
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

/**
 * The producer health check: registered while the producer runs, DOWN after a 401, UP again after an accepted request,
 * with rate-limit state and counters in its details and no secret anywhere.
 */
class ProducerHealthCheckTest extends CamelTestSupport {

    private static final String WRONG_KEY = "sk-wrong-DO-NOT-LEAK-42";

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:good").routeId("good").to("braze-trigger:canvas?canvasId=cv-good");
                from("direct:bad").routeId("bad").to("braze-trigger:canvas?canvasId=cv-bad&maxRetries=0&apiKey=" + WRONG_KEY);
            }
        };
    }

    /** The producers repository, enabled as {@code camel.health.producersEnabled=true} does (it lists nothing while off). */
    private WritableHealthCheckRepository producers() {
        WritableHealthCheckRepository repository
                = HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class);
        repository.setEnabled(true);
        return repository;
    }

    private Optional<HealthCheck> check(String id) {
        return producers().stream().filter(c -> c.getId().equals(id)).findFirst();
    }

    private Exchange send(String uri) {
        return template.request(uri, e -> e.getMessage().setBody(Map.of("external_user_id", "user-1")));
    }

    @Test
    void registeredPerProducerWithASecretFreeId() {
        assertThat(producers()).as("camel-health provides the producers repository").isNotNull();
        assertThat(producers().stream().map(HealthCheck::getId))
                .contains("producer:braze-trigger-canvas-cv-good", "producer:braze-trigger-canvas-cv-bad")
                .allSatisfy(id -> assertThat(id).doesNotContain(WRONG_KEY).doesNotContain(braze.apiKey()));
    }

    @Test
    void upWithRateLimitStateAndCountersAfterASend() {
        assertThat(send("direct:good").getException()).isNull();

        HealthCheck.Result result = check("producer:braze-trigger-canvas-cv-good").orElseThrow().call();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        Map<String, Object> details = result.getDetails();
        assertThat(details).containsEntry("requestsAccepted", 1L).containsEntry("recipientsAccepted", 1L)
                .containsEntry("targeted.limit", 250_000L).containsEntry("targeted.remaining", 249_999L)
                .containsKeys("targeted.reset", "broadcast.remaining", "lastDispatchId");
        assertThat((Long) details.get("targeted.reset")).isGreaterThan(System.currentTimeMillis());
    }

    @Test
    void downAfterA401AndUpAgainOnceARequestIsAccepted() {
        Exchange failed = send("direct:bad");
        assertThat(failed.getException()).isNotNull();

        HealthCheck check = check("producer:braze-trigger-canvas-cv-bad").orElseThrow();
        HealthCheck.Result down = check.call();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("401/403"));
        assertThat(down.getDetails()).containsEntry("lastError", "AUTHENTICATION: HTTP 401");
        assertThat(String.valueOf(down.getDetails())).doesNotContain(WRONG_KEY).doesNotContain("user-1");
        assertThat(String.valueOf(down.getMessage())).doesNotContain(WRONG_KEY);

        // the key was fixed (say, rotated in the vault): the next accepted request clears the state
        BrazeTriggerEndpoint endpoint = context.getEndpoints().stream().filter(BrazeTriggerEndpoint.class::isInstance)
                .map(BrazeTriggerEndpoint.class::cast).filter(e -> "cv-bad".equals(e.getConfiguration().getCanvasId()))
                .findFirst().orElseThrow();
        endpoint.getListener().requestAccepted(1, 5, new AcceptedRequest("d-1", null, java.util.List.of()));
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void reportedByCamelAndRemovedWhenTheProducerStops() throws Exception {
        send("direct:bad");
        producers();

        Collection<HealthCheck.Result> results = HealthCheckHelper.invoke(context);
        assertThat(results).anySatisfy(r -> {
            assertThat(r.getCheck().getId()).isEqualTo("producer:braze-trigger-canvas-cv-bad");
            assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
        });
        assertThat(HealthCheckHelper.isResultsUp(results, true)).isFalse();

        context.getRouteController().stopRoute("bad");
        assertThat(check("producer:braze-trigger-canvas-cv-bad")).isEmpty();
        assertThat(check("producer:braze-trigger-canvas-cv-good")).isPresent();
    }
}
