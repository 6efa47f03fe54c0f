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
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One recipient of an accepted request, or the whole dashboard segment of a broadcast ({@link #isBroadcast()}),
 * with the personalization it got: the request's {@code context} / {@code trigger_properties} overridden by its own.
 *
 * @param request the request it came in
 * @param json    the recipient object, or {@code null} for a broadcast
 */
public record Recipient(RecordedRequest request, JsonNode json) {

    /** The recipients of a request; a broadcast gives one entry without a recipient object. */
    static List<Recipient> of(RecordedRequest request) {
        List<JsonNode> recipients = request.recipients();
        if (recipients.isEmpty()) {
            return List.of(new Recipient(request, null));
        }
        return recipients.stream().map(r -> new Recipient(request, r)).toList();
    }

    /** True when this stands for a broadcast (no recipient object). */
    public boolean isBroadcast() {
        return json == null;
    }

    /** {@code external_user_id}, or {@code null}. */
    public String externalUserId() {
        return text("external_user_id");
    }

    /** {@code email}, or {@code null}. */
    public String email() {
        return text("email");
    }

    /** {@code user_alias.alias_name}, or {@code null}. */
    public String aliasName() {
        return json == null ? null : textOrNull(json.path("user_alias").get("alias_name"));
    }

    /** {@code user_alias.alias_label}, or {@code null}. */
    public String aliasLabel() {
        return json == null ? null : textOrNull(json.path("user_alias").get("alias_label"));
    }

    /** The {@code attributes} object (empty when absent). */
    public JsonNode attributes() {
        JsonNode attributes = json == null ? null : json.get("attributes");
        return attributes != null && attributes.isObject() ? attributes : JsonNodeFactory.instance.objectNode();
    }

    /**
     * The effective personalization: for a Canvas {@code canvas_entry_properties} then {@code context} of the request,
     * then of the recipient, later keys winning; for a campaign the request's then the recipient's
     * {@code trigger_properties}.
     */
    public JsonNode properties() {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        List<String> fields = request.endpoint() != null && request.endpoint().isCanvas()
                ? List.of("canvas_entry_properties", "context") : List.of("trigger_properties");
        for (JsonNode owner : new JsonNode[] {request.json(), json}) {
            for (String field : fields) {
                JsonNode value = owner == null ? null : owner.get(field);
                if (value != null && value.isObject()) {
                    merged.setAll((ObjectNode) value);
                }
            }
        }
        return merged;
    }

    private String text(String field) {
        return json == null ? null : textOrNull(json.get(field));
    }

    private static String textOrNull(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
