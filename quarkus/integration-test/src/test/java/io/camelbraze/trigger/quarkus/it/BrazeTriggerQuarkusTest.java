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
package io.camelbraze.trigger.quarkus.it;

import java.util.List;
import java.util.Map;

import io.camelbraze.trigger.BrazeTriggerComponent;
import io.camelbraze.trigger.BrazeTriggerConstants;
import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;
import io.camelbraze.trigger.test.FakeBraze;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Quarkus application (JVM mode) boots once for this class, with the component configured from application.properties
 * and the fake Braze's URL from {@link FakeBrazeResource}, and sends through its Java and YAML routes.
 */
@QuarkusTest
@WithTestResource(FakeBrazeResource.class)
class BrazeTriggerQuarkusTest {

    @InjectFakeBraze
    FakeBraze braze;

    @Inject
    CamelContext context;

    @Inject
    ProducerTemplate template;

    @Inject
    RejectedSignups rejectedSignups;

    @BeforeEach
    void resetFake() {
        braze.reset();
        rejectedSignups.clear();
    }

    @Test
    void componentIsConfiguredFromApplicationProperties() {
        BrazeTriggerComponent component = context.getComponent("braze-trigger", BrazeTriggerComponent.class);

        assertThat(component.getApiKey()).isEqualTo(FakeBraze.DEFAULT_API_KEY);
        assertThat(component.getInstance()).isEqualTo("EU-01");
        assertThat(component.getBaseUri()).isEqualTo(braze.baseUri());
        assertThat(context.getRoutes()).extracting(route -> route.getRouteId())
                .contains("welcome", "coupon", "signups", "yaml-welcome");
    }

    @Test
    void javaRouteTriggersCanvas() {
        Exchange result = template.request("direct:welcome", exchange -> exchange.getMessage().setBody(
                Map.of("external_user_id", "42", "context", Map.of("order_id", "A-1"))));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.DISPATCH_ID, String.class)).isNotBlank();
        braze.assertCanvasTriggered(FakeBrazeResource.CANVAS_ID).forExternalUserId("42").withContext("order_id", "A-1").times(1);
        braze.assertRequestCount(1);
    }

    @Test
    void javaRouteTriggersCampaignFromHeaders() {
        template.requestBodyAndHeader("direct:coupon", Map.of("coupon", "SPRING"), "customerId", "7");

        braze.assertCampaignTriggered(FakeBrazeResource.CAMPAIGN_ID).forExternalUserId("7").withTriggerProperty("coupon", "SPRING")
                .times(1);
    }

    @Test
    void typedModelIsWrittenWithQuarkusJackson() {
        TriggerRequest request = TriggerRequest.canvas(FakeBrazeResource.CANVAS_ID)
                .withContext(Map.of("order_id", "B-2"))
                .withRecipients(List.of(Recipient.externalUserId("43").withAttributes(Map.of("first_name", "Alex"))));

        template.requestBody("direct:welcome", request);

        braze.assertCanvasTriggered(FakeBrazeResource.CANVAS_ID).forExternalUserId("43").withContext("order_id", "B-2")
                .withAttribute("first_name", "Alex").times(1);
    }

    @Test
    void yamlRouteSendsFlatRecords() {
        template.requestBody("direct:yaml-welcome", List.of(
                Map.of("customer_id", "100", "first_name", "Ann"),
                Map.of("customer_id", "101", "first_name", "Ben")));

        braze.assertCanvasTriggered(FakeBrazeResource.CANVAS_ID).forExternalUserId("100").withAttribute("first_name", "Ann").times(1);
        braze.assertCanvasTriggered(FakeBrazeResource.CANVAS_ID).forExternalUserId("101").withAttribute("first_name", "Ben").times(1);
        braze.assertRequestCount(1);
    }

    @Test
    void validationErrorSurfacesAsBrazeValidationException() {
        // send_id is campaign-only: refused on the Canvas route before anything is sent
        Map<String, Object> request = Map.of("recipients", List.of(Map.of("external_user_id", "42")), "send_id", "s-1");

        assertThatThrownBy(() -> template.requestBody("direct:welcome", request))
                .isInstanceOf(CamelExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(BrazeValidationException.class,
                        e -> assertThat(e.getField()).isEqualTo("send_id"));
        braze.assertNoRequests();
    }

    @Test
    void routeHandlesValidationErrorWithOnException() {
        Exchange result = template.request("direct:signups",
                exchange -> exchange.getMessage().setBody(Map.of("plan", "gold")));   // no customer_id

        assertThat(result.getException()).isNull();
        assertThat(rejectedSignups.failures()).singleElement()
                .isInstanceOf(BrazeValidationException.class)
                .extracting(Throwable::getMessage).asString().contains("customer_id");
        braze.assertNoRequests();
    }

    @Test
    void retriesARateLimitOnTheComponentsOwnThreads() {
        braze.script().rateLimited(1, 1);

        template.requestBody("direct:signups", Map.of("customer_id", "200", "plan", "silver"));

        braze.assertCanvasTriggered(FakeBrazeResource.CANVAS_ID).forExternalUserId("200").withContext("plan", "silver").times(1);
        assertThat(braze.allRequests()).hasSize(2);
    }
}
