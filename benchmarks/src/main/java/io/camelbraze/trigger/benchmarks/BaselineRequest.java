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
package io.camelbraze.trigger.benchmarks;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * What a route does without the component, by hand: builds the Braze request for one record with Jackson and sets the
 * headers camel-http needs; {@link #readDispatchId} reads Braze's answer back. camel-http itself fails the exchange on
 * a non-2xx status.
 */
final class BaselineRequest implements Processor {

    private final ObjectMapper mapper = new ObjectMapper();
    private final String canvasId;
    private final String authorization;

    BaselineRequest(String canvasId, String apiKey) {
        this.canvasId = canvasId;
        this.authorization = "Bearer " + apiKey;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Map<?, ?> record = exchange.getMessage().getMandatoryBody(Map.class);
        ObjectNode request = mapper.createObjectNode();
        request.put("canvas_id", canvasId);
        ArrayNode recipients = request.putArray("recipients");
        ObjectNode recipient = recipients.addObject();
        recipient.put("external_user_id", (String) record.get("external_user_id"));
        recipient.set("context", mapper.valueToTree(record.get("context")));
        post(exchange, mapper.writeValueAsBytes(request), authorization);
    }

    /** Makes the message the POST camel-http sends: the JSON body and its headers. */
    static void post(Exchange exchange, byte[] json, String authorization) {
        Message message = exchange.getMessage();
        message.setBody(json);
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Authorization", authorization);
    }

    /** Reads {@code dispatch_id} from Braze's answer into a header, as the component does. */
    void readDispatchId(Exchange exchange) throws Exception {
        JsonNode answer = mapper.readTree(exchange.getMessage().getBody(byte[].class));
        exchange.getMessage().setHeader("dispatchId", answer.path("dispatch_id").asText(null));
    }
}
