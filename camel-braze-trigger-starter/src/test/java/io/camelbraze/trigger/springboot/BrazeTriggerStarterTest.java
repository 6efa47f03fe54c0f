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
import static io.camelbraze.trigger.springboot.app.BrazeStarterTestApplication.YAML_CAMPAIGN_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbraze.trigger.BrazeTriggerComponent;
import io.camelbraze.trigger.test.FakeBraze;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.SecurityPolicyResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The starter in a Spring Boot application: options from {@code application.yml}, a Java and a YAML route sending to the
 * fake Braze, the component's health check in the readiness group, and the API key masked by actuator.
 */
class BrazeTriggerStarterTest extends StarterAppTestSupport {

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate template;

    @Test
    void optionsFromApplicationYmlConfigureTheComponent() {
        BrazeTriggerComponent component = camelContext.getComponent("braze-trigger", BrazeTriggerComponent.class);

        assertThat(component.getApiKey()).as("api-key, a Camel {{placeholder}} resolved by Camel").isEqualTo(FakeBraze.DEFAULT_API_KEY);
        assertThat(component.getInstance()).as("instance, a Spring ${placeholder} with a default").isEqualTo("EU-01");
        assertThat(component.getBaseUri()).as("base-uri, from a dynamic property").isEqualTo(BRAZE.baseUri());
        assertThat(component.getRequestTimeout()).as("request-timeout: 5s").isEqualTo(5_000);
        assertThat(component.getConnectTimeout()).as("connect-timeout: 2s").isEqualTo(2_000);
        assertThat(component.getMaxRetries()).isZero();
        assertThat(component.isLazyStartProducer()).isFalse();
    }

    @Test
    void aKeyGivenAsACamelPlaceholderPassesCamelsSecurityPolicy() {
        // a Spring ${...} would be resolved into the environment, where camel-spring-boot's policy flags a plain secret
        SecurityPolicyResult policy = camelContext.getCamelContextExtension().getContextPlugin(SecurityPolicyResult.class);
        assertThat(policy.getViolations()).isEmpty();
    }

    @Test
    void javaRouteSendsToBraze() {
        template.sendBodyAndHeader("direct:java-welcome", null, "CamelBrazeExternalUserId", "customer-1");

        BRAZE.assertCanvasTriggered(JAVA_CANVAS_ID).forExternalUserId("customer-1").times(1);
        BRAZE.assertRequestCount(1);
    }

    @Test
    void yamlRouteSendsToBraze() {
        template.sendBody("direct:yaml-welcome", Map.of("customer_id", "customer-2", "order_id", "A-7"));

        BRAZE.assertCampaignTriggered(YAML_CAMPAIGN_ID).forExternalUserId("customer-2")
                .withTriggerProperty("order_id", "A-7").times(1);
        BRAZE.assertRequestCount(1);
    }

    @Test
    void componentHealthCheckIsInTheReadinessGroup() {
        Actuator readiness = actuator("health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        JsonNode camelHealth = readiness.body().path("components").path("camelHealth");
        assertThat(camelHealth.path("details").path("producer:braze-trigger-canvas-" + JAVA_CANVAS_ID).asText()).isEqualTo("UP");
        assertThat(camelHealth.path("details").path("producer:braze-trigger-campaign-" + YAML_CAMPAIGN_ID).asText()).isEqualTo("UP");
        assertThat(readiness.body().path("components").path("camelReadinessState").path("status").asText()).isEqualTo("UP");
        assertThat(actuator("health/liveness").status()).isEqualTo(200);
    }

    @Test
    void configpropsMasksTheApiKeyEvenWhenValuesAreShown() {
        Actuator configprops = actuator("configprops/camel.component.braze-trigger");

        assertThat(configprops.status()).isEqualTo(200);
        JsonNode bean = configprops.body().findValue(BrazeTriggerComponentConfiguration.PREFIX + "-" + BrazeTriggerComponentConfiguration.class.getName());
        assertThat(bean).as("configprops entry of the starter's configuration:\n%s", configprops.body()).isNotNull();
        assertThat(bean.path("prefix").asText()).isEqualTo("camel.component.braze-trigger");
        // values are shown (show-values: always) ...
        assertThat(bean.path("properties").path("instance").asText()).isEqualTo("EU-01");
        assertThat(bean.path("properties").path("baseUri").asText()).isEqualTo(BRAZE.baseUri());
        // ... but not the key: neither the bound value nor the input it came from
        assertThat(bean.path("properties").path("apiKey").asText()).isEqualTo("******");
        assertThat(bean.path("inputs").path("apiKey").path("value").asText()).isEqualTo("******");
        assertThat(configprops.body().toString()).doesNotContain(FakeBraze.DEFAULT_API_KEY).doesNotContain("{{braze.key}}");
    }

    @Test
    void envMasksTheApiKeyEvenWhenValuesAreShown() {
        Actuator apiKey = actuator("env/camel.component.braze-trigger.api-key");
        Actuator instance = actuator("env/camel.component.braze-trigger.instance");

        assertThat(apiKey.body().path("property").path("value").asText()).isEqualTo("******");
        assertThat(apiKey.body().toString()).doesNotContain("{{braze.key}}");
        assertThat(instance.body().path("property").path("value").asText()).isEqualTo("EU-01");
    }
}
