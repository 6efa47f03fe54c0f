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

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelbraze.trigger.model.Audience;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;
import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import io.camelbraze.trigger.test.RecordedRequest;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Canvas sends through real routes against the fake Braze: every body shape, every header, chunking, results.
 */
class CanvasRouteTest extends CamelTestSupport {

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder().pausedCanvases("cv-paused"));

    @TempDir
    Path tmp;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:canvas").to("braze-trigger:canvas?canvasId=cv-1");
                from("direct:flat").to("braze-trigger:canvas?canvasId=cv-1&externalIdField=customer_id"
                                       + "&contextFields=order_id,total&attributeFields=first_name");
                from("direct:broadcast").to("braze-trigger:canvas?canvasId=cv-1&broadcast=true");
                from("direct:existing").to("braze-trigger:canvas?canvasId=cv-1&sendToExistingOnly=false");
            }
        };
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new LinkedHashMap<>(headers));
        });
        if (exchange.getException() != null) {
            throw new AssertionError("send failed: " + exchange.getException(), exchange.getException());
        }
        return exchange;
    }

    @Test
    void nullBodyWithHeadersSendsOneRecipient() {
        Exchange result = send("direct:canvas", null, Map.of(
                BrazeTriggerConstants.EXTERNAL_USER_ID, "42",
                BrazeTriggerConstants.CONTEXT, Map.of("order_id", "A-1"),
                BrazeTriggerConstants.ATTRIBUTES, Map.of("first_name", "Alex")));

        braze.assertCanvasTriggered("cv-1").forExternalUserId("42").withContext("order_id", "A-1")
                .withAttribute("first_name", "Alex").times(1);
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.DISPATCH_ID, String.class)).matches("[0-9a-f]{32}");
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.RECIPIENT_COUNT)).isEqualTo(1);
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.REQUEST_COUNT)).isEqualTo(1);
        assertThat(result.getMessage().getBody()).isNull();
    }

    @Test
    void aliasAndEmailHeaders() {
        send("direct:canvas", null, Map.of(BrazeTriggerConstants.USER_ALIAS_NAME, "crm-9", BrazeTriggerConstants.USER_ALIAS_LABEL,
                "crm"));
        send("direct:canvas", null, Map.of(BrazeTriggerConstants.EMAIL, "a@example.com", BrazeTriggerConstants.PRIORITIZATION,
                "unidentified,most_recently_updated"));

        braze.assertCanvasTriggered("cv-1").forUserAlias("crm-9", "crm").times(1);
        braze.assertCanvasTriggered("cv-1").forEmail("a@example.com").times(1);
        assertThat(braze.requests().get(1).recipients().get(0).path("prioritization").toString())
                .isEqualTo("[\"unidentified\",\"most_recently_updated\"]");
    }

    @Test
    void canvasIdHeaderOverridesTheEndpoint() {
        send("direct:canvas", Map.of("external_user_id", "7"), Map.of(BrazeTriggerConstants.CANVAS_ID, "cv-other"));
        braze.assertCanvasTriggered("cv-other").forExternalUserId("7");
        assertThat(braze.requests()).hasSize(1);
    }

    @Test
    void mapAsOneRecipientInBrazeFieldNames() {
        Map<String, Object> body = Map.of("external_user_id", "42", "context", Map.of("size", 10));
        Exchange result = send("direct:canvas", body, Map.of());

        braze.assertCanvasTriggered("cv-1").forExternalUserId("42").withContext("size", 10);
        assertThat(result.getMessage().getBody()).as("body left as it was").isSameAs(body);
    }

    @Test
    void mapAsFullRequestWithLegacyCanvasEntryProperties() {
        send("direct:canvas", Map.of("canvas_entry_properties", Map.of("product", "shoes"),
                "recipients", List.of(Map.of("external_user_id", "1"), Map.of("external_user_id", "2"))), Map.of());

        braze.assertCanvasTriggered("cv-1").forExternalUserId("1").withContext("product", "shoes");
        assertThat(braze.requests().get(0).json().has("canvas_entry_properties")).isFalse();
        assertThat(braze.requests().get(0).json().path("context").path("product").asText()).isEqualTo("shoes");
    }

    @Test
    void jsonStringBytesStreamAndFile() throws Exception {
        String json = "{\"external_user_id\":\"s1\"}";
        send("direct:canvas", json, Map.of());
        send("direct:canvas", "{\"external_user_id\":\"b1\"}".getBytes(StandardCharsets.UTF_8), Map.of());
        send("direct:canvas", new java.io.ByteArrayInputStream("{\"external_user_id\":\"i1\"}".getBytes(StandardCharsets.UTF_8)),
                Map.of());
        File file = tmp.resolve("recipients.json").toFile();
        Files.writeString(file.toPath(), "[{\"external_user_id\":\"f1\"},{\"external_user_id\":\"f2\"}]");
        send("direct:canvas", file, Map.of());

        for (String id : List.of("s1", "b1", "i1", "f1", "f2")) {
            braze.assertCanvasTriggered("cv-1").forExternalUserId(id).times(1);
        }
    }

    @Test
    void typedModelWithAudience() {
        TriggerRequest request = TriggerRequest.canvas("cv-typed")
                .withContext(Map.of("campaign", "spring"))
                .withAudience(Audience.customAttribute("eye_color").equalTo("blue"))
                .withRecipients(List.of(Recipient.externalUserId("t1").withAttributes(Map.of("first_name", "Ann"))));

        send("direct:canvas", request, Map.of());

        braze.assertCanvasTriggered("cv-typed").forExternalUserId("t1").withContext("campaign", "spring")
                .withAttribute("first_name", "Ann");
        assertThat(braze.requests().get(0).json().path("audience").toString()).isEqualTo(
                "{\"custom_attribute\":{\"custom_attribute_name\":\"eye_color\",\"comparison\":\"equals\",\"value\":\"blue\"}}");
    }

    @Test
    void flatRecordsMappedByOptions() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("customer_id", 1001);
        row.put("order_id", "A-1");
        row.put("total", 79.99);
        row.put("first_name", "Alex");
        row.put("email", "alex@example.com"); // a column that must not become the identifier
        send("direct:flat", row, Map.of());

        braze.assertCanvasTriggered("cv-1").forExternalUserId("1001").withContext("order_id", "A-1")
                .withContext("total", 79.99).withAttribute("first_name", "Alex");
        assertThat(braze.requests().get(0).recipients().get(0).has("email")).isFalse();
    }

    @Test
    void listOfMoreThan50IsSentInOrderedChunksOf50() {
        List<Map<String, Object>> recipients = new ArrayList<>();
        for (int i = 0; i < 123; i++) {
            recipients.add(Map.of("external_user_id", "u" + i));
        }

        Exchange result = send("direct:canvas", recipients, Map.of());

        assertThat(braze.requests()).hasSize(3);
        // the requests travel concurrently (maxConcurrentRequests): each holds a run of the list, in order
        List<RecordedRequest> byPosition = braze.requests().stream().sorted(java.util.Comparator.comparingInt(
                r -> Integer.parseInt(r.recipients().get(0).path("external_user_id").asText().substring(1)))).toList();
        assertThat(byPosition).extracting(r -> r.recipients().size()).containsExactly(50, 50, 23);
        List<String> sentOrder = byPosition.stream().flatMap(r -> r.recipients().stream())
                .map(r -> r.path("external_user_id").asText()).toList();
        assertThat(sentOrder).isEqualTo(recipients.stream().map(r -> (String) r.get("external_user_id")).toList());
        @SuppressWarnings("unchecked")
        List<String> dispatchIds = result.getMessage().getHeader(BrazeTriggerConstants.DISPATCH_IDS, List.class);
        assertThat(dispatchIds).hasSize(3).doesNotContainNull()
                .containsExactlyElementsOf(byPosition.stream().map(r -> r.dispatchId().orElseThrow()).toList());
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.DISPATCH_ID)).isEqualTo(dispatchIds.get(2));
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.RECIPIENT_COUNT)).isEqualTo(123);
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.REQUEST_COUNT)).isEqualTo(3);
    }

    @Test
    void arrayAndIterableBodies() {
        send("direct:canvas", new Object[] { Map.of("external_user_id", "a1"), Map.of("external_user_id", "a2") }, Map.of());
        Iterable<Map<String, Object>> iterable = () -> List.<Map<String, Object>>of(Map.of("external_user_id", "it1")).iterator();
        send("direct:canvas", iterable, Map.of());
        braze.assertCanvasTriggered("cv-1").forExternalUserId("a2");
        braze.assertCanvasTriggered("cv-1").forExternalUserId("it1");
    }

    @Test
    void broadcastOnlyFromTheEndpointOption() {
        send("direct:broadcast", null, Map.of(BrazeTriggerConstants.AUDIENCE,
                "{\"email_subscription_status\":{\"comparison\":\"is\",\"value\":\"opted_in\"}}"));
        braze.assertCanvasTriggered("cv-1").asBroadcast();
        assertThat(braze.requests().get(0).json().path("broadcast").asBoolean()).isTrue();

        assertThatThrownBy(() -> template.sendBody("direct:canvas", Map.of("broadcast", true)))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(BrazeValidationException.class).hasMessageContaining("broadcast");
        assertThat(braze.requests()).hasSize(1);
    }

    @Test
    void sendToExistingOnlyOptionAppliesToRecipientsThatDoNotSayOtherwise() {
        send("direct:existing", List.of(
                Map.of("external_user_id", "n1", "attributes", Map.of("first_name", "New")),
                Map.of("external_user_id", "n2", "send_to_existing_only", true)), Map.of());

        List<com.fasterxml.jackson.databind.JsonNode> recipients = braze.requests().get(0).recipients();
        assertThat(recipients.get(0).path("send_to_existing_only").asBoolean(true)).isFalse();
        assertThat(recipients.get(1).path("send_to_existing_only").asBoolean(false)).isTrue();
    }

    @Test
    void pausedCanvasNoticeIsAHeader() {
        Exchange result = send("direct:canvas", Map.of("external_user_id", "9"),
                Map.of(BrazeTriggerConstants.CANVAS_ID, "cv-paused"));
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.NOTICE, String.class))
                .isEqualTo("The Canvas is paused. Resume the Canvas to ensure trigger requests will take effect.");
    }

    @Test
    void nonFatalErrorsAreAHeader() {
        braze.script().nonFatalErrors(1, "minor problem");
        Exchange result = send("direct:canvas", Map.of("external_user_id", "9"), Map.of());
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.ERRORS, List.class)).containsExactly("minor problem");
    }

    @Test
    void historic202QueuedIsAccepted() {
        braze.script().queued(1);
        Exchange result = send("direct:canvas", Map.of("external_user_id", "9"), Map.of());
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.REQUEST_COUNT)).isEqualTo(1);
    }
}
