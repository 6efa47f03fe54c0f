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

import io.camelbraze.trigger.model.Attachment;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;
import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Campaign sends: trigger_properties, send_id, attachments, a 201 without dispatch_id. */
class CampaignRouteTest extends CamelTestSupport {

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder().lowercaseHeaders());

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:campaign").to("braze-trigger:campaign?campaignId=cmp-1");
                from("direct:tracked").to("braze-trigger:campaign?campaignId=cmp-1&sendId=spring-sale");
            }
        };
    }

    @Test
    void contextHeaderBecomesTriggerProperties() {
        Exchange result = template.request("direct:campaign", e -> {
            e.getMessage().setHeader(BrazeTriggerConstants.EXTERNAL_USER_ID, "7");
            e.getMessage().setHeader(BrazeTriggerConstants.CONTEXT, Map.of("coupon", "SAVE10"));
        });

        assertThat(result.getException()).isNull();
        braze.assertCampaignTriggered("cmp-1").forExternalUserId("7").withTriggerProperty("coupon", "SAVE10");
        assertThat(braze.requests().get(0).json().has("context")).isFalse();
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.DISPATCH_ID)).isNotNull();
    }

    @Test
    void sendIdFromOptionOrHeader() {
        template.sendBody("direct:tracked", Map.of("external_user_id", "1"));
        template.sendBodyAndHeader("direct:campaign", Map.of("external_user_id", "2"), BrazeTriggerConstants.SEND_ID, "hdr-send");

        braze.assertCampaignTriggered("cmp-1").forExternalUserId("1").withSendId("spring-sale");
        braze.assertCampaignTriggered("cmp-1").forExternalUserId("2").withSendId("hdr-send");
    }

    @Test
    void fullRequestWithTriggerPropertiesAndAttachments() {
        template.sendBody("direct:campaign", Map.of(
                "trigger_properties", Map.of("total", 12.5),
                "attachments", List.of(Map.of("file_name", "invoice", "url", "https://files.example.com/invoice.pdf")),
                "recipients", List.of(Map.of("external_user_id", "3", "trigger_properties", Map.of("line", 1)))));

        braze.assertCampaignTriggered("cmp-1").forExternalUserId("3").withTriggerProperty("total", 12.5);
        assertThat(braze.requests().get(0).json().path("attachments").get(0).path("file_name").asText()).isEqualTo("invoice");
        assertThat(braze.requests().get(0).recipients().get(0).path("trigger_properties").path("line").asInt()).isEqualTo(1);
    }

    @Test
    void typedCampaignRequest() {
        template.sendBody("direct:campaign", TriggerRequest.campaign("cmp-typed")
                .withTriggerProperties(Map.of("k", "v"))
                .withAttachments(List.of(new Attachment("receipt", "https://files.example.com/r.pdf")))
                .withRecipients(List.of(Recipient.userAlias("crm-1", "crm"))));
        braze.assertCampaignTriggered("cmp-typed").forUserAlias("crm-1", "crm").withTriggerProperty("k", "v");
    }

    @Test
    void canvasFieldsAreRefusedOnCampaign() {
        assertThatThrownBy(() -> template.sendBody("direct:campaign",
                Map.of("context", Map.of("a", 1), "recipients", List.of(Map.of("external_user_id", "1")))))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(BrazeValidationException.class).hasMessageContaining("trigger_properties");
        braze.assertNoRequests();
    }
}
