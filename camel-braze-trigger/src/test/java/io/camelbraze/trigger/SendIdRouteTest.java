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

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelbraze.trigger.test.BrazeEndpoint;
import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code action=createSendId}: {@code POST /sends/id/create}, the id proposed by header, body or option and returned in
 * {@code CamelBrazeSendId}; Braze's limit of 100 a day makes a 429 there final, never retried.
 */
class SendIdRouteTest extends CamelTestSupport {

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder().sendIdDailyLimit(3));

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create").to("braze-trigger:campaign?campaignId=cmp-1&action=createSendId");
                from("direct:createSpring").to("braze-trigger:campaign?campaignId=cmp-1&action=createSendId&sendId=spring");
                // a launch: create the send id, then broadcast the campaign with it (the id travels in CamelBrazeSendId)
                from("direct:launch")
                        .to("braze-trigger:campaign?campaignId=cmp-1&action=createSendId")
                        .to("braze-trigger:campaign?campaignId=cmp-1&broadcast=true");
            }
        };
    }

    private Exchange request(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new LinkedHashMap<>(headers));
        });
    }

    private static String sendIdOf(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getHeader(BrazeTriggerConstants.SEND_ID, String.class);
    }

    @Test
    void theProposedIdComesFromTheHeaderTheBodyOrTheOption() {
        assertThat(sendIdOf(request("direct:create", null, Map.of(BrazeTriggerConstants.SEND_ID, "from-header"))))
                .isEqualTo("from-header");
        assertThat(sendIdOf(request("direct:create", Map.of("send_id", "from-body"), Map.of()))).isEqualTo("from-body");
        assertThat(sendIdOf(request("direct:createSpring", null, Map.of()))).isEqualTo("spring");

        braze.assertThatBraze().sendIdCreated("cmp-1", "from-header").sendIdCreated("cmp-1", "from-body")
                .sendIdCreated("cmp-1", "spring");
        assertThat(braze.requests()).allSatisfy(r -> assertThat(r.endpoint()).isEqualTo(BrazeEndpoint.SEND_ID_CREATE));
        assertThat(braze.requests().get(0).json().toString()).isEqualTo("{\"campaign_id\":\"cmp-1\",\"send_id\":\"from-header\"}");
    }

    @Test
    void withoutAProposalBrazeMakesOneUpAndTheNextSendUsesIt() {
        Exchange launched = request("direct:launch", null, Map.of());

        String sendId = sendIdOf(launched);
        assertThat(sendId).isNotBlank();
        assertThat(braze.requests().get(0).json().toString()).isEqualTo("{\"campaign_id\":\"cmp-1\"}");
        braze.assertThatBraze().sendIdCreated("cmp-1", sendId);
        braze.assertCampaignTriggered("cmp-1").asBroadcast().withSendId(sendId).times(1);
    }

    @Test
    void aRateLimitedSendIdCreationIsNeverRetried() {
        for (String id : new String[] { "a", "b", "c" }) {
            sendIdOf(request("direct:create", null, Map.of(BrazeTriggerConstants.SEND_ID, id)));
        }
        Exchange limited = request("direct:create", null, Map.of(BrazeTriggerConstants.SEND_ID, "d"));

        assertThat(limited.getException()).isInstanceOfSatisfying(BrazeRateLimitException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(429);
            assertThat(e.getMessage()).contains("100 send ids a day").contains("not retried");
            assertThat(e.getResetTime()).isNull();
        });
        assertThat(limited.getMessage().getHeader(Exchange.REDELIVERY_DELAY)).isNull();
        assertThat(braze.allRequests()).as("maxRetries=3, yet one attempt").hasSize(4);
        assertThat(braze.rejectedRequests()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(429));
    }

    @Test
    void aScripted429IsNotRetriedEitherButA503Is() {
        braze.script().on(BrazeEndpoint.SEND_ID_CREATE).rateLimited(1, 1);
        assertThat(request("direct:create", null, Map.of()).getException()).isInstanceOf(BrazeRateLimitException.class);
        assertThat(braze.allRequests()).hasSize(1);

        braze.script().on(BrazeEndpoint.SEND_ID_CREATE).serverError(1, 503);
        assertThat(sendIdOf(request("direct:create", null, Map.of(BrazeTriggerConstants.SEND_ID, "after-503"))))
                .isEqualTo("after-503");
        assertThat(braze.allRequests()).extracting(r -> r.status()).containsExactly(429, 503, 201);
    }
}
