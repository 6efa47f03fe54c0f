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

import java.util.List;
import java.util.Map;

import io.camelbraze.trigger.BrazeTriggerConstants;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code braze-trigger} dev console, resolved the way Camel JBang resolves it, in text and JSON.
 */
class BrazeTriggerDevConsoleTest extends CamelTestSupport {

    private static final String WRONG_KEY = "sk-wrong-DO-NOT-LEAK-42";

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension();

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

    private DevConsole console() {
        DevConsoleRegistry registry = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
        assertThat(registry).as("camel-console is on the classpath").isNotNull();
        DevConsole console = registry.resolveById("braze-trigger");
        assertThat(console).as("found through META-INF/services/org/apache/camel/dev-console/braze-trigger").isNotNull();
        return console;
    }

    @Test
    void showsSendsRecipientsDispatchIdRateLimitsAndLastError() {
        Exchange sent = template.request("direct:send", e -> e.getMessage().setBody(
                List.of(Map.of("external_user_id", "pii-1"), Map.of("external_user_id", "pii-2"))));
        String dispatchId = sent.getMessage().getHeader(BrazeTriggerConstants.DISPATCH_ID, String.class);
        template.request("direct:bad", e -> e.getMessage().setBody(Map.of("external_user_id", "pii-3")));

        String text = (String) console().call(DevConsole.MediaType.TEXT);
        assertThat(text)
                .contains("Endpoint: braze-trigger://canvas?canvasId=cv-1")
                .contains("Requests: 1 sent, 1 accepted")
                .contains("2 recipients")
                .contains("Last dispatch id: " + dispatchId)
                .contains("Rate limit targeted: 249999 of 250000 remaining, reset 20")
                .contains("Last error: AUTHENTICATION: HTTP 401")
                .doesNotContain(WRONG_KEY).doesNotContain(braze.apiKey()).doesNotContain("pii-");

        JsonObject json = (JsonObject) console().call(DevConsole.MediaType.JSON);
        List<JsonObject> endpoints = json.getCollection("endpoints").stream().map(JsonObject.class::cast).toList();
        JsonObject canvas = endpoints.stream().filter(e -> "cv-1".equals(e.getString("targetId"))).findFirst().orElseThrow();
        assertThat(canvas.getLong("requestsAccepted")).isEqualTo(1);
        assertThat(canvas.getLong("recipientsAccepted")).isEqualTo(2);
        assertThat(canvas.getString("lastDispatchId")).isEqualTo(dispatchId);
        Map<?, ?> targeted = (Map<?, ?>) canvas.getMap("rateLimits").get("targeted");
        assertThat(targeted.get("remaining")).isEqualTo(249_999L);
        assertThat(targeted.get("limit")).isEqualTo(250_000L);
        assertThat((Long) targeted.get("reset")).isGreaterThan(System.currentTimeMillis());
        JsonObject campaign = endpoints.stream().filter(e -> "cmp-1".equals(e.getString("targetId"))).findFirst().orElseThrow();
        assertThat(campaign.getString("lastError")).isEqualTo("AUTHENTICATION: HTTP 401");
        assertThat(json.toJson()).doesNotContain(WRONG_KEY).doesNotContain(braze.apiKey()).doesNotContain("pii-");
    }
}
