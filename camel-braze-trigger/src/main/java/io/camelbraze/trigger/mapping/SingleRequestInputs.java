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
package io.camelbraze.trigger.mapping;

import static io.camelbraze.trigger.BrazeTriggerConstants.ATTRIBUTES;
import static io.camelbraze.trigger.BrazeTriggerConstants.AUDIENCE;
import static io.camelbraze.trigger.BrazeTriggerConstants.CAMPAIGN_ID;
import static io.camelbraze.trigger.BrazeTriggerConstants.CANVAS_ID;
import static io.camelbraze.trigger.BrazeTriggerConstants.CONTEXT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.Message;

import io.camelbraze.trigger.BrazeAction;
import io.camelbraze.trigger.BrazeOperation;
import io.camelbraze.trigger.BrazeTriggerConstants;
import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;

/**
 * What the single-request actions (updateSchedule, cancelSchedule, createSendId) read from an exchange, and what they refuse:
 * recipients and personalization, in headers or body, are never dropped silently.
 */
final class SingleRequestInputs {

    private SingleRequestInputs() {
    }

    /**
     * Refuses the recipient and personalization headers, and the listed others.
     *
     * @param why appended to the message: what the action takes instead
     */
    static void refuseHeaders(Message message, BrazeAction action, String why, String... others) {
        List<String> refused = new ArrayList<>(HeaderRecipient.identityHeaders(message));
        for (String header : concat(List.of(ATTRIBUTES, CONTEXT, AUDIENCE), others)) {
            if (message.getHeader(header) != null) {
                refused.add(header);
            }
        }
        if (!refused.isEmpty()) {
            throw new BrazeValidationException(refused.get(0), "action=" + action + " takes no " + String.join(", ", refused)
                                                               + ": " + why);
        }
    }

    /**
     * The body as a JSON object in Braze's names, or {@code null} when there is none.
     *
     * @param fields the fields the action's request has; any other is refused with {@code why}
     */
    static Map<String, Object> objectBody(Object raw, BrazeAction action, Set<String> fields, String why) {
        if (raw instanceof TriggerRequest || raw instanceof Recipient) {
            throw new BrazeValidationException("body", "a " + raw.getClass().getSimpleName() + " is the body of a send or a schedule;"
                                                       + " action=" + action + " " + why);
        }
        Object body = BodyReader.read(raw);
        if (body == null) {
            return null;
        }
        if (!(body instanceof Map<?, ?>)) {
            if (body instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // refused anyway
                }
            }
            throw new BrazeValidationException("body", "a list is recipients; action=" + action + " " + why);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) body;
        for (String field : new TreeSet<>(map.keySet())) {
            if (!fields.contains(field)) {
                String detail = BrazeFieldNames.REQUEST.contains(field) || BrazeFieldNames.RECIPIENT.contains(field)
                        ? "action=" + action + " " + why : "unknown field; the request of action=" + action + " has " + new TreeSet<>(fields);
                throw new BrazeValidationException(field, detail);
            }
        }
        return map;
    }

    /** The target id: header, else body, else the endpoint option; the other operation's id field is refused. */
    static String targetId(Message message, Map<String, Object> body, String idField, String otherIdField, String header,
                           String option) {
        if (body != null && body.get(otherIdField) != null) {
            throw new BrazeValidationException(otherIdField, otherIdField + " does not belong on this endpoint; use " + idField);
        }
        targetIdCheck(message, CANVAS_ID.equals(header) ? CAMPAIGN_ID : CANVAS_ID, header);
        String fromHeader = HeaderValues.text(message, header);
        Object fromBody = body == null ? null : body.get(idField);
        if (fromHeader == null && fromBody != null && !(fromBody instanceof String)) {
            throw new BrazeValidationException(idField, "must be a string");
        }
        String id = fromHeader != null ? fromHeader : fromBody != null ? (String) fromBody : option;
        recordTargetId(message, id);
        return id;
    }

    /**
     * Refuses the other operation's id header ({@code CamelBrazeCampaignId} on a Canvas endpoint, {@code CamelBrazeCanvasId}
     * on a campaign endpoint), as the other id field in a body is refused: it would otherwise be silently ignored.
     */
    static void refuseOtherTargetHeader(Message message, BrazeOperation operation) {
        boolean canvas = operation == BrazeOperation.canvas;
        targetIdCheck(message, canvas ? CAMPAIGN_ID : CANVAS_ID, canvas ? CANVAS_ID : CAMPAIGN_ID);
    }

    private static void targetIdCheck(Message message, String otherHeader, String header) {
        if (HeaderValues.text(message, otherHeader) != null) {
            throw new BrazeValidationException(otherHeader, "the header " + otherHeader + " does not belong on this endpoint; use "
                                                            + header + ", or remove it before this endpoint");
        }
    }

    /** Remembers the id the request carries on the exchange, so that a failure can name it. */
    static void recordTargetId(Message message, String id) {
        if (message.getExchange() != null) {
            message.getExchange().setProperty(BrazeTriggerConstants.PROPERTY_TARGET_ID, id);
        }
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
