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
package io.camelbraze.trigger.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelbraze.trigger.test.standin.StandInBrazeComponent;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A user's existing CamelTestSupport route test, made to work with one field: no configuration of the component, no
 * network. The braze-trigger component here is the test-only stand-in.
 */
class CamelTestSupportAutoConfigTest extends CamelTestSupport {

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:order").to("braze-trigger:canvas?canvasId=cv-1");
                from("direct:promo").to("braze-trigger:campaign?campaignId=cmp-1");
            }
        };
    }

    @Test
    void routeReachesTheFakeWithoutAnyConfiguration() {
        template.sendBody("direct:order", Map.of("external_user_id", "42", "context", Map.of("order_id", "A-1")));

        braze.assertCanvasTriggered("cv-1").forExternalUserId("42").withContext("order_id", "A-1").times(1);
        StandInBrazeComponent component = context.getComponent("braze-trigger", StandInBrazeComponent.class);
        assertThat(component.getBaseUri()).isEqualTo(braze.baseUri());
        assertThat(component.getApiKey()).isEqualTo(braze.apiKey());
    }

    @Test
    void recordingsAreResetBetweenTests() {
        braze.assertNoRequests();
        template.sendBody("direct:promo", Map.of("external_user_id", "7", "trigger_properties", Map.of("k", 1)));

        braze.assertCampaignTriggered("cmp-1").forExternalUserId("7").withTriggerProperty("k", 1);
        braze.assertRequestCount(1);
    }

    @Test
    void placeholdersResolveToTheFake() {
        assertThat(context.resolvePropertyPlaceholders("{{braze.baseUri}}")).isEqualTo(braze.baseUri());
        assertThat(context.resolvePropertyPlaceholders("{{braze.apiKey}}")).isEqualTo(braze.apiKey());
    }
}
