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

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Short, secret-free descriptions of received requests for assertion messages: no API key, emails masked, attribute
 * values left out (they are where profile data lives), long values cut.
 */
final class RequestDescriber {

    private static final int MAX_LISTED = 20;
    private static final int MAX_VALUE = 40;

    private RequestDescriber() {
    }

    static String describe(RecordedRequest request) {
        StringBuilder out = new StringBuilder("#").append(request.sequence()).append(' ')
                .append(request.method()).append(' ').append(request.path()).append(" -> ").append(request.status());
        if (!request.accepted() && request.message() != null) {
            out.append(" \"").append(cut(request.message(), 120)).append('"');
        }
        BrazeEndpoint endpoint = request.endpoint();
        JsonNode json = request.json();
        if (endpoint == null || json == null || !json.isObject()) {
            return out.toString();
        }
        out.append(' ').append(endpoint.idField()).append('=').append(value(json.get(endpoint.idField())));
        if (request.broadcast()) {
            out.append(" broadcast");
        }
        if (json.has("audience")) {
            out.append(" audience");
        }
        if (json.has("send_id")) {
            out.append(" send_id=").append(value(json.get("send_id")));
        }
        if (json.has("schedule_id")) {
            out.append(" schedule_id=").append(value(json.get("schedule_id")));
        }
        if (json.has("schedule")) {
            out.append(" schedule=").append(cut(json.get("schedule").toString(), 120));
        }
        List<String> recipients = new ArrayList<>();
        for (Recipient recipient : Recipient.of(request)) {
            if (!recipient.isBroadcast()) {
                recipients.add(recipient(recipient, endpoint));
            } else if (!recipient.properties().isEmpty()) {
                out.append(' ').append(endpoint.propertiesField()).append(object(recipient.properties()));
            }
        }
        if (!recipients.isEmpty()) {
            out.append(" recipients=").append(recipients);
        }
        return out.toString();
    }

    static String list(String title, List<RecordedRequest> requests) {
        StringBuilder out = new StringBuilder(title).append(" (").append(requests.size()).append("):");
        if (requests.isEmpty()) {
            out.append(" none");
        }
        requests.stream().limit(MAX_LISTED).forEach(r -> out.append("\n  ").append(describe(r)));
        if (requests.size() > MAX_LISTED) {
            out.append("\n  ... and ").append(requests.size() - MAX_LISTED).append(" more");
        }
        return out.toString();
    }

    static String maskEmail(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    private static String recipient(Recipient recipient, BrazeEndpoint endpoint) {
        StringBuilder out = new StringBuilder("{");
        if (recipient.externalUserId() != null) {
            out.append("external_user_id=").append(cut(recipient.externalUserId(), MAX_VALUE));
        } else if (recipient.aliasName() != null) {
            out.append("user_alias=").append(cut(recipient.aliasName(), MAX_VALUE)).append('/')
                    .append(cut(String.valueOf(recipient.aliasLabel()), MAX_VALUE));
        } else if (recipient.email() != null) {
            out.append("email=").append(maskEmail(recipient.email()));
        }
        JsonNode properties = recipient.properties();
        if (!properties.isEmpty()) {
            out.append(' ').append(endpoint.propertiesField()).append(object(properties));
        }
        JsonNode attributes = recipient.attributes();
        if (!attributes.isEmpty()) {
            List<String> names = new ArrayList<>();
            attributes.fieldNames().forEachRemaining(names::add);
            out.append(" attributes").append(names);
        }
        return out.append('}').toString();
    }

    private static String object(JsonNode object) {
        List<String> pairs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            pairs.add(e.getKey() + "=" + value(e.getValue()));
        }
        return "{" + String.join(", ", pairs) + "}";
    }

    private static String value(JsonNode node) {
        return node == null ? "<missing>" : cut(node.toString(), MAX_VALUE);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
