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

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Braze's answer reaches the route whole: a broadcast's send id, a fatal answer's errors, the request that failed counted,
 * no dispatch ids where Braze dispatches nothing; and a failure says what happened: which host refused the key, which id
 * Braze did not know.
 */
class BrazeAnswersRouteTest extends CamelTestSupport {

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder().knownCanvasIds("cv-1").knownCampaignIds("cmp-1"));

    static final Instant AT = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:campaign").to("braze-trigger:campaign?campaignId=cmp-1");
                from("direct:broadcast").to("braze-trigger:campaign?campaignId=cmp-1&broadcast=true");
                from("direct:canvas").to("braze-trigger:canvas?canvasId=cv-1&maxRetries=0");
                from("direct:canvasFromHeader").to("braze-trigger:canvas?maxRetries=0");
                from("direct:wrongKey").to("braze-trigger:canvas?canvasId=cv-1&apiKey=RAW(wrong-key-4711)");
                from("direct:schedule").to("braze-trigger:canvas?canvasId=cv-1&action=schedule");
                from("direct:update").to("braze-trigger:canvas?canvasId=cv-1&action=updateSchedule");
                from("direct:cancel").to("braze-trigger:canvas?canvasId=cv-1&action=cancelSchedule");
                from("direct:createSendId").to("braze-trigger:campaign?campaignId=cmp-1&action=createSendId");
            }
        };
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new LinkedHashMap<>(headers));
        });
    }

    @Test
    void aBroadcastCampaignSendsSendIdIsAHeader() {
        Exchange broadcast = send("direct:broadcast", null, Map.of());

        assertThat(broadcast.getException()).isNull();
        String sendId = braze.requests().get(0).sendId().orElseThrow(() -> new AssertionError("the fake sent no send_id"));
        assertThat(broadcast.getMessage().getHeader(BrazeTriggerConstants.SEND_ID)).isEqualTo(sendId);

        Exchange targeted = send("direct:campaign", Map.of("external_user_id", "42"), Map.of());
        assertThat(targeted.getException()).isNull();
        assertThat(targeted.getMessage().getHeaders()).doesNotContainKey(BrazeTriggerConstants.SEND_ID);
    }

    @Test
    void aFatalAnswersErrorsReachTheRouteScrubbed() {
        braze.script().fatalErrors(1, 400, "Invalid request", "recipients[0] is unknown",
                "Invalid API key: " + FakeBraze.DEFAULT_API_KEY);

        Exchange failed = send("direct:canvas", Map.of("external_user_id", "42"), Map.of());

        BrazeApiException e = failed.getException(BrazeApiException.class);
        assertThat(e).isNotNull();
        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(e.getBrazeErrors()).containsExactly("recipients[0] is unknown", "Invalid API key: ****");
        assertThat(e.getMessage()).contains("Invalid request", "recipients[0] is unknown").doesNotContain(FakeBraze.DEFAULT_API_KEY);
    }

    @Test
    void theRequestThatFailedIsCounted() {
        Exchange failed = send("direct:canvasFromHeader", Map.of("external_user_id", "42"),
                Map.of(BrazeTriggerConstants.CANVAS_ID, "cv-unknown"));

        assertThat(failed.getException(BrazeApiException.class).getStatusCode()).isEqualTo(400);
        assertThat(failed.getMessage().getHeader(BrazeTriggerConstants.REQUEST_COUNT)).isEqualTo(1);
        assertThat(failed.getMessage().getHeader(BrazeTriggerConstants.RECIPIENT_COUNT)).isEqualTo(0);
    }

    @Test
    void aValidationFailureSentNoRequest() {
        Exchange failed = send("direct:canvas", Map.of("external_user_id", "1", "email", "x@example.com"), Map.of());

        assertThat(failed.getException()).isInstanceOf(BrazeValidationException.class);
        assertThat(failed.getMessage().getHeader(BrazeTriggerConstants.REQUEST_COUNT)).isNull();
        braze.assertNoRequests();
    }

    @Test
    void scheduleUpdateAndCancelLeaveNoDispatchIds() {
        Exchange created = send("direct:schedule", Map.of("external_user_id", "42"), Map.of(BrazeTriggerConstants.SCHEDULE_TIME, AT));
        assertThat(created.getException()).isNull();
        assertThat(created.getMessage().getHeader(BrazeTriggerConstants.DISPATCH_IDS, java.util.List.class)).hasSize(1).doesNotContainNull();
        String id = created.getMessage().getHeader(BrazeTriggerConstants.SCHEDULE_ID, String.class);

        Exchange moved = send("direct:update", null, Map.of(BrazeTriggerConstants.SCHEDULE_ID, id,
                BrazeTriggerConstants.SCHEDULE_TIME, AT.plus(1, ChronoUnit.DAYS)));
        Exchange cancelled = send("direct:cancel", null, Map.of(BrazeTriggerConstants.SCHEDULE_ID, id));
        Exchange sendId = send("direct:createSendId", null, Map.of());

        for (Exchange exchange : new Exchange[] {moved, cancelled, sendId}) {
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeaders()).doesNotContainKeys(BrazeTriggerConstants.DISPATCH_IDS,
                    BrazeTriggerConstants.DISPATCH_ID);
            assertThat(exchange.getMessage().getHeader(BrazeTriggerConstants.REQUEST_COUNT)).isEqualTo(1);
        }
    }

    @Test
    void a401NamesTheHostThatRefusedTheKey() {
        Exchange failed = send("direct:wrongKey", Map.of("external_user_id", "1"), Map.of());

        BrazeApiException e = failed.getException(BrazeApiException.class);
        assertThat(e.getStatusCode()).isEqualTo(401);
        assertThat(e.getMessage()).contains(braze.baseUri(), "baseUri", "instance").doesNotContain("wrong-key-4711");
    }

    @Test
    void a400NamesTheIdSent() {
        Exchange fromHeader = send("direct:canvasFromHeader", Map.of("external_user_id", "42"),
                Map.of(BrazeTriggerConstants.CANVAS_ID, "cv-unknown"));
        assertThat(fromHeader.getException(BrazeApiException.class).getMessage()).contains("Canvas does not exist", "cv-unknown");

        Exchange fromBody = send("direct:canvasFromHeader",
                Map.of("canvas_id", "cv-from-body", "recipients", java.util.List.of(Map.of("external_user_id", "42"))), Map.of());
        assertThat(fromBody.getException(BrazeApiException.class).getMessage()).contains("cv-from-body");
    }

    @Test
    void aCampaignIdHeaderOnACanvasEndpointIsRefused() {
        Exchange failed = send("direct:canvas", Map.of("external_user_id", "42"), Map.of(BrazeTriggerConstants.CAMPAIGN_ID, "cmp-1"));

        assertThat(failed.getException()).isInstanceOf(BrazeValidationException.class);
        assertThat(failed.getException(BrazeValidationException.class).getField()).isEqualTo(BrazeTriggerConstants.CAMPAIGN_ID);
        braze.assertNoRequests();

        Exchange onACampaign = send("direct:campaign", Map.of("external_user_id", "42"), Map.of(BrazeTriggerConstants.CANVAS_ID, "cv-1"));
        assertThat(onACampaign.getException()).isInstanceOf(BrazeValidationException.class);

        Exchange onACancel = send("direct:cancel", null, Map.of(BrazeTriggerConstants.SCHEDULE_ID, "s-1",
                BrazeTriggerConstants.CAMPAIGN_ID, "cmp-1"));
        assertThat(onACancel.getException()).isInstanceOf(BrazeValidationException.class);
        braze.assertNoRequests();
    }
}
