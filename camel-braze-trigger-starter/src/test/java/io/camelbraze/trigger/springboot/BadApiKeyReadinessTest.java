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
package io.camelbraze.trigger.springboot;

import static io.camelbraze.trigger.springboot.app.BrazeStarterTestApplication.JAVA_CANVAS_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbraze.trigger.BrazeApiException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A wrong API key in the application's configuration: Braze answers 401, the component's producer health check goes
 * DOWN, and with it readiness (stop sending traffic here) but not liveness (restarting the pod would not fix the key).
 */
@TestPropertySource(properties = "braze.key=not-the-key-braze-knows")
class BadApiKeyReadinessTest extends StarterAppTestSupport {

    @Autowired
    ProducerTemplate template;

    @Test
    void rejectedKeyMakesReadinessDownAndLeavesLivenessUp() {
        assertThat(actuator("health/readiness").status()).as("ready before Braze was asked").isEqualTo(200);

        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:java-welcome", null, "CamelBrazeExternalUserId", "c-1"))
                .hasRootCauseInstanceOf(BrazeApiException.class);
        assertThat(BRAZE.rejectedRequests()).hasSize(1);

        Actuator readiness = actuator("health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.body().path("status").asText()).isEqualTo("DOWN");
        assertThat(readiness.body().path("components").path("camelReadinessState").path("status").asText())
                .isEqualTo("OUT_OF_SERVICE");
        JsonNode camelHealth = readiness.body().path("components").path("camelHealth");
        String checkId = "producer:braze-trigger-canvas-" + JAVA_CANVAS_ID;
        assertThat(camelHealth.path("status").asText()).isEqualTo("DOWN");
        assertThat(camelHealth.path("details").path(checkId).asText()).isEqualTo("DOWN");
        JsonNode checkData = camelHealth.path("details").path(checkId + ".data");
        assertThat(checkData.path("lastError").asText()).as(readiness.body().toPrettyString()).isEqualTo("AUTHENTICATION: HTTP 401");
        assertThat(checkData.path("check.kind").asText()).as("a readiness-only check").isEqualTo("READINESS");

        Actuator liveness = actuator("health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body().path("status").asText()).isEqualTo("UP");
        assertThat(liveness.body().path("components").path("camelLivenessState").path("status").asText()).isEqualTo("UP");

        // the whole /actuator/health includes every Camel check: never point a liveness probe at it
        assertThat(actuator("health").status()).isEqualTo(503);
        assertThat(readiness.body().toString()).doesNotContain("not-the-key-braze-knows");
    }
}
