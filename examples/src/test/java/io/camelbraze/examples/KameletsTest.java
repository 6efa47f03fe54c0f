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
package io.camelbraze.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelbraze.trigger.BrazeTriggerComponent;
import io.camelbraze.trigger.BrazeTriggerConfiguration;
import io.camelbraze.trigger.BrazeTriggerEndpoint;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both sink Kamelets from the component jar, run by camel-kamelet with the API key set only on the component, as a
 * low-code user sets it once (camel.component.braze-trigger.api-key, a placeholder or a vault): no Kamelet gets a key,
 * no endpoint URI carries one, and every property a Kamelet exposes reaches the endpoint option of the same name.
 */
class KameletsTest extends CamelTestSupport {

    private static final String CANVAS = "cv-kamelet";
    private static final String CAMPAIGN = "cmp-kamelet";

    @RegisterExtension
    static final FakeBrazeExtension braze = new FakeBrazeExtension();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // the key only here (the test kit would set it too; set explicitly so the test says what it proves)
        BrazeTriggerComponent component = context.getComponent("braze-trigger", BrazeTriggerComponent.class);
        component.setApiKey(braze.apiKey());
        component.setBaseUri(braze.baseUri());
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:canvas").to("kamelet:braze-canvas-sink?canvasId=" + CANVAS
                                         + "&externalIdField=customer_id&contextFields=order_id&attributeFields=first_name");
                from("direct:campaign").to("kamelet:braze-campaign-sink?campaignId=" + CAMPAIGN + "&sendId=spring-sale");
                from("direct:canvas-no-retries").to("kamelet:braze-canvas-sink?canvasId=" + CANVAS + "&maxRetries=0");
            }
        };
    }

    @Test
    void canvasSinkSendsWithTheComponentsKey() {
        template.sendBody("direct:canvas", Map.of("customer_id", "42", "order_id", "A-1", "first_name", "Ada"));

        braze.assertCanvasTriggered(CANVAS).forExternalUserId("42").withContext("order_id", "A-1")
                .withAttribute("first_name", "Ada").times(1);
        assertNoKeyInAnyEndpointUri();
    }

    @Test
    void campaignSinkSendsWithTheComponentsKey() {
        template.sendBody("direct:campaign",
                "{\"external_user_id\":\"7\",\"trigger_properties\":{\"coupon\":\"X\"}}");

        braze.assertCampaignTriggered(CAMPAIGN).forExternalUserId("7").withTriggerProperty("coupon", "X")
                .withSendId("spring-sale").times(1);
        assertNoKeyInAnyEndpointUri();
    }

    @Test
    void maxRetriesReachesTheEndpoint() {
        braze.script().serverError(1, 503);

        Exchange result = template.request("direct:canvas-no-retries",
                e -> e.getMessage().setBody(Map.of("external_user_id", "1")));

        assertThat(result.getException()).as("maxRetries=0: the 503 fails the exchange at once").isNotNull();
        braze.assertRequestCount(1);
    }

    @Test
    void bulkOptionsReachTheEndpointAndBadRowsAreSetAside() throws Exception {
        context.getRegistry().bind("brazeSent", new org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bulk").to("kamelet:braze-canvas-sink?canvasId=" + CANVAS + "&externalIdField=customer_id"
                                       + "&invalidRecords=skip&maxConcurrentRequests=2&idempotentRepository=#brazeSent"
                                       + "&idempotentKey=${header.CamelFileName}");
            }
        });
        List<Map<String, Object>> rows = List.of(Map.of("customer_id", "1"), Map.of("name", "no id"), Map.of("customer_id", "3"));

        Exchange first = template.request("direct:bulk", e -> {
            e.getMessage().setBody(rows);
            e.getMessage().setHeader("CamelFileName", "rows.csv");
        });
        Exchange again = template.request("direct:bulk", e -> {
            e.getMessage().setBody(rows);
            e.getMessage().setHeader("CamelFileName", "rows.csv");
        });

        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getHeader("CamelBrazeRejectedCount")).isEqualTo(1);
        assertThat(again.getMessage().getHeader("CamelBrazeSkippedRequests")).isEqualTo(1);
        braze.assertRequestCount(1);
        BrazeTriggerConfiguration configuration = context.getEndpoints().stream()
                .filter(BrazeTriggerEndpoint.class::isInstance).map(e -> ((BrazeTriggerEndpoint) e).getConfiguration())
                .filter(c -> c.getIdempotentRepository() != null).findFirst().orElseThrow();
        assertThat(configuration.getMaxConcurrentRequests()).isEqualTo(2);
        assertThat(configuration.getIdempotentKey()).isEqualTo("${header.CamelFileName}");
    }

    @Test
    void everyCanvasSinkPropertyReachesTheEndpoint() throws Exception {
        Map<String, String> values = commonValues();
        values.put("canvasId", "cv-all");
        BrazeTriggerConfiguration configuration = endpointCreatedBy("braze-canvas-sink", values);
        assertCommonValues(configuration);
        assertThat(configuration.getCanvasId()).isEqualTo("cv-all");
        assertThat(configuration.getContextFields()).isEqualTo("order_id,total");
    }

    @Test
    void everyCampaignSinkPropertyReachesTheEndpoint() throws Exception {
        Map<String, String> values = commonValues();
        values.put("campaignId", "cmp-all");
        values.put("sendId", "send-all");
        BrazeTriggerConfiguration configuration = endpointCreatedBy("braze-campaign-sink", values);
        assertCommonValues(configuration);
        assertThat(configuration.getCampaignId()).isEqualTo("cmp-all");
        assertThat(configuration.getSendId()).isEqualTo("send-all");
    }

    /** A value for every optional property shared by both Kamelets, none of them the default. */
    private static Map<String, String> commonValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("instance", "EU-02");
        values.put("broadcast", "true");
        values.put("sendToExistingOnly", "false");
        values.put("prioritization", "unidentified,most_recently_updated");
        values.put("externalIdField", "customer_id");
        values.put("emailField", "mail");
        values.put("aliasNameField", "alias");
        values.put("aliasLabelField", "alias_label");
        values.put("contextFields", "order_id,total");
        values.put("attributeFields", "first_name");
        values.put("batchSize", "25");
        values.put("batchTimeout", "250");
        values.put("maxRetries", "7");
        values.put("retryInitialDelay", "100");
        values.put("retryMaxDelay", "2000");
        values.put("retryAmbiguousFailures", "true");
        values.put("rateLimitMaxWait", "5000");
        values.put("connectTimeout", "1500");
        values.put("requestTimeout", "2500");
        values.put("proxyHost", "proxy.internal");
        values.put("proxyPort", "3128");
        return values;
    }

    private static void assertCommonValues(BrazeTriggerConfiguration c) {
        assertThat(c.getApiKey()).as("the component's key").isEqualTo(braze.apiKey());
        assertThat(c.getBaseUri()).as("the component's baseUri").isEqualTo(braze.baseUri());
        assertThat(c.getInstance()).isEqualTo("EU-02");
        assertThat(c.isBroadcast()).isTrue();
        assertThat(c.getSendToExistingOnly()).isFalse();
        assertThat(c.getPrioritization()).isEqualTo("unidentified,most_recently_updated");
        assertThat(c.getExternalIdField()).isEqualTo("customer_id");
        assertThat(c.getEmailField()).isEqualTo("mail");
        assertThat(c.getAliasNameField()).isEqualTo("alias");
        assertThat(c.getAliasLabelField()).isEqualTo("alias_label");
        assertThat(c.getAttributeFields()).isEqualTo("first_name");
        assertThat(c.getBatchSize()).isEqualTo(25);
        assertThat(c.getBatchTimeout()).isEqualTo(250);
        assertThat(c.getMaxRetries()).isEqualTo(7);
        assertThat(c.getRetryInitialDelay()).isEqualTo(100);
        assertThat(c.getRetryMaxDelay()).isEqualTo(2000);
        assertThat(c.isRetryAmbiguousFailures()).isTrue();
        assertThat(c.getRateLimitMaxWait()).isEqualTo(5000);
        assertThat(c.getConnectTimeout()).isEqualTo(1500);
        assertThat(c.getRequestTimeout()).isEqualTo(2500);
        assertThat(c.getProxyHost()).isEqualTo("proxy.internal");
        assertThat(c.getProxyPort()).isEqualTo(3128);
    }

    /** Adds a route to the Kamelet with these values and returns the braze-trigger endpoint the Kamelet created. */
    private BrazeTriggerConfiguration endpointCreatedBy(String kamelet, Map<String, String> values) throws Exception {
        StringBuilder uri = new StringBuilder("kamelet:" + kamelet + "?");
        values.forEach((k, v) -> uri.append(k).append('=').append(v).append('&'));
        uri.setLength(uri.length() - 1);
        List<Endpoint> before = List.copyOf(context.getEndpoints());
        String routeId = "all-" + kamelet;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + routeId).routeId(routeId).to(uri.toString());
            }
        });
        List<BrazeTriggerEndpoint> created = context.getEndpoints().stream().filter(e -> !before.contains(e))
                .filter(BrazeTriggerEndpoint.class::isInstance).map(BrazeTriggerEndpoint.class::cast).toList();
        assertThat(created).as("the braze-trigger endpoint %s created", kamelet).hasSize(1);
        return created.get(0).getConfiguration();
    }

    private void assertNoKeyInAnyEndpointUri() {
        assertThat(context.getEndpoints()).isNotEmpty().allSatisfy(endpoint -> {
            assertThat(endpoint.getEndpointUri()).doesNotContain(braze.apiKey()).doesNotContainIgnoringCase("apiKey");
        });
    }
}
