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
package io.camelbraze.trigger;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list sent as several requests records which chunks Braze accepted; when Camel redelivers the exchange, only the chunks
 * not yet accepted are sent again, and the final headers carry every dispatch id.
 */
class ChunkRedeliveryTest extends CamelTestSupport {

    private final WireMockServer braze = startBraze();

    private static WireMockServer startBraze() {
        WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        // first request accepted, second answered 503 once, everything after accepted
        server.stubFor(post(urlEqualTo("/canvas/trigger/send")).inScenario("chunks").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(created("d-1")).willSetStateTo("second"));
        server.stubFor(post(urlEqualTo("/canvas/trigger/send")).inScenario("chunks").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503).withBody("{\"message\":\"unavailable\"}")).willSetStateTo("rest"));
        server.stubFor(post(urlEqualTo("/canvas/trigger/send")).inScenario("chunks").whenScenarioStateIs("rest")
                .willReturn(created("d-n")));
        return server;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String dispatchId) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"dispatch_id\":\"" + dispatchId + "\",\"message\":\"success\"}");
    }

    @AfterEach
    void stopBraze() {
        braze.stop();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(BrazeApiException.class).onWhen(e -> e.getException(BrazeApiException.class).isRetrySafe())
                        .maximumRedeliveries(2).redeliveryDelay(10);
                from("direct:list").to("braze-trigger:canvas?canvasId=cv-1&maxRetries=0&maxConcurrentRequests=1&apiKey=k&baseUri=" + braze.baseUrl());
                // a step before the redelivery puts one more record at the top: every request of the input shifts by one
                from("direct:changing")
                        .onException(BrazeApiException.class).maximumRedeliveries(1).redeliveryDelay(10)
                            .onRedelivery(e -> {
                                List<Object> grown = new java.util.ArrayList<>();
                                grown.add(Map.of("external_user_id", "u-new"));
                                grown.addAll(e.getMessage().getBody(List.class));
                                e.getMessage().setBody(grown);
                            })
                        .end()
                        .to("braze-trigger:canvas?canvasId=cv-1&maxRetries=0&maxConcurrentRequests=1&apiKey=k&baseUri=" + braze.baseUrl());
            }
        };
    }

    @Test
    void camelRedeliverySendsOnlyTheChunksNotYetAccepted() {
        List<Map<String, Object>> recipients = IntStream.range(0, 120)
                .mapToObj(i -> Map.<String, Object>of("external_user_id", "u" + i)).toList();

        Exchange result = template.request("direct:list", e -> e.getMessage().setBody(recipients));

        assertThat(result.getException()).isNull();
        List<LoggedRequest> sent = braze.findAll(postRequestedFor(urlEqualTo("/canvas/trigger/send")));
        assertThat(sent).hasSize(4);
        assertThat(firstRecipient(sent.get(0))).isEqualTo("u0");
        assertThat(firstRecipient(sent.get(1))).isEqualTo("u50");   // answered 503
        assertThat(firstRecipient(sent.get(2))).isEqualTo("u50");   // redelivered: chunk 1 again, not chunk 0
        assertThat(firstRecipient(sent.get(3))).isEqualTo("u100");
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.DISPATCH_IDS, List.class))
                .containsExactly("d-1", "d-n", "d-n");
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.REQUEST_COUNT)).isEqualTo(3);
        assertThat(result.getMessage().getHeader(Exchange.REDELIVERY_COUNTER)).isEqualTo(1);
    }

    @Test
    void aRedeliveryOfAChangedInputSendsNobodyTwice() {
        List<Map<String, Object>> recipients = IntStream.range(0, 120)
                .mapToObj(i -> Map.<String, Object>of("external_user_id", "u" + i)).toList();

        Exchange result = template.request("direct:changing", e -> e.getMessage().setBody(recipients));

        // Braze accepted u0..u49; the changed input's first request would hold u0..u48 again: nothing is sent, the
        // exchange fails saying why, and what Braze accepted travels with it
        assertThat(result.getException()).isInstanceOfSatisfying(BrazeValidationException.class, e -> {
            assertThat(e.getField()).isEqualTo("body");
            assertThat(e.getMessage()).contains("differs from the input").contains("1 request(s)").contains("nothing was sent again");
        });
        List<LoggedRequest> sent = braze.findAll(postRequestedFor(urlEqualTo("/canvas/trigger/send")));
        assertThat(sent).extracting(ChunkRedeliveryTest::firstRecipient).containsExactly("u0", "u50");
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.RECIPIENT_COUNT)).isEqualTo(50);
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.DISPATCH_IDS, List.class)).containsExactly("d-1");
    }

    private static String firstRecipient(LoggedRequest request) {
        String body = request.getBodyAsString();
        int at = body.indexOf("\"external_user_id\":\"") + "\"external_user_id\":\"".length();
        return body.substring(at, body.indexOf('"', at));
    }
}
