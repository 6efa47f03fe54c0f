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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.camelbraze.trigger.test.FakeBrazeExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Braze rule is checked before sending: the exchange fails with BrazeValidationException naming the field (and the
 * recipient's position), and the fake Braze received nothing.
 */
class ValidationRouteTest extends CamelTestSupport {

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:canvas").to("braze-trigger:canvas?canvasId=cv-1");
                from("direct:noId").to("braze-trigger:canvas");
                from("direct:campaign").to("braze-trigger:campaign?campaignId=cmp-1");
                from("direct:broadcast").to("braze-trigger:campaign?campaignId=cmp-1&broadcast=true");
                from("direct:flat").to("braze-trigger:canvas?canvasId=cv-1&externalIdField=customer_id");
            }
        };
    }

    private static Map<String, Object> recipient(Object... pairs) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static Stream<Arguments> invalidSends() {
        List<Object> manyWithOneBad = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            manyWithOneBad.add(i == 57 ? recipient("user_alias", Map.of("alias_name", "x")) : recipient("external_user_id", "u" + i));
        }
        return Stream.of(
                Arguments.of("direct:noId", recipient("external_user_id", "1"), "canvas_id"),
                Arguments.of("direct:canvas", recipient("external_user_id", "1", "email", "a@example.com"), "exactly one"),
                Arguments.of("direct:canvas", List.of(recipient("external_user_id", "1"), recipient("attributes", Map.of("a", 1))),
                        "recipients[1]"),
                Arguments.of("direct:canvas", manyWithOneBad, "recipients[57].user_alias.alias_label"),
                Arguments.of("direct:canvas", recipient("email", "a@example.com"), "prioritization"),
                Arguments.of("direct:canvas", recipient("email", "a@example.com", "prioritization", List.of("newest")), "prioritization"),
                Arguments.of("direct:canvas", recipient("email", "a@example.com", "prioritization", List.of("identified", "unidentified")),
                        "prioritization"),
                Arguments.of("direct:canvas", recipient("user_alias", Map.of("alias_name", "n", "alias_label", "l"),
                        "send_to_existing_only", false), "send_to_existing_only"),
                Arguments.of("direct:canvas", recipient("external_user_id", "1", "send_to_existing_only", false), "attributes"),
                Arguments.of("direct:canvas", recipient("external_user_id", "1", "context", Map.of("big", "x".repeat(52_000))),
                        "50 KB"),
                Arguments.of("direct:canvas", recipient("context", Map.of("a", 1)), "recipients"),
                Arguments.of("direct:canvas", "{not json", "body"),
                Arguments.of("direct:canvas", recipient("send_id", "s", "recipients", List.of(recipient("external_user_id", "1"))),
                        "send_id"),
                Arguments.of("direct:canvas", recipient("attachments", List.of(), "recipients", List.of(recipient("external_user_id", "1"))),
                        "attachments"),
                Arguments.of("direct:campaign", recipient("send_id", "é-not-ascii", "recipients", List.of(recipient("external_user_id", "1"))),
                        "send_id"),
                Arguments.of("direct:campaign", recipient("send_id", "x".repeat(65), "recipients", List.of(recipient("external_user_id", "1"))),
                        "send_id"),
                Arguments.of("direct:broadcast", recipient("recipients", List.of(recipient("external_user_id", "1"))), "broadcast"),
                Arguments.of("direct:broadcast", recipient("attachments", List.of(Map.of("file_name", "f", "url", "https://x.example/f.pdf"))),
                        "attachments"),
                Arguments.of("direct:campaign", recipient("audience", Map.of("custom_attribute",
                        Map.of("custom_attribute_name", "a", "comparison", "equals", "value", 1))), "broadcast"),
                Arguments.of("direct:canvas", recipient("audience", Map.of("favourite_colour", Map.of())), "audience"),
                Arguments.of("direct:flat", recipient("first_name", "no id"), "customer_id"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("invalidSends")
    void isRefusedBeforeAnythingIsSent(String uri, Object body, String expectedInMessage) {
        Exchange result = template.send(uri, e -> e.getMessage().setBody(body));

        assertThat(result.getException()).isInstanceOf(BrazeValidationException.class)
                .hasMessageContaining(expectedInMessage);
        braze.assertNoRequests();
    }

    @Test
    void noRecipientsNoAudienceNoBroadcastIsAnErrorNeverABroadcast() {
        Exchange result = template.send("direct:canvas", e -> e.getMessage().setBody(null));
        assertThat(result.getException()).isInstanceOf(BrazeValidationException.class).hasMessageContaining("broadcast");
        braze.assertNoRequests();
    }

    @Test
    void identityHeadersWithARecipientBodyAreAConflictNotASilentChoice() {
        Exchange result = template.send("direct:canvas", e -> {
            e.getMessage().setBody(Map.of("external_user_id", "1"));
            e.getMessage().setHeader(BrazeTriggerConstants.EXTERNAL_USER_ID, "2");
        });
        assertThat(result.getException()).isInstanceOf(BrazeValidationException.class)
                .hasMessageContaining(BrazeTriggerConstants.EXTERNAL_USER_ID);
        braze.assertNoRequests();
    }
}
