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

import static io.camelbraze.trigger.test.RuleViolation.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, without any HTTP, whether Braze would accept the JSON body of a trigger send (braze-api.md §9, rules 3 to
 * 9), a schedule create (the same rules plus the {@code schedule} object, §8.6), a schedule update or delete, or a
 * send-id creation. What needs the fake's memory (whether a {@code schedule_id} exists, the daily send-id limit) is
 * decided by the fake itself. Where Braze documents no message text, the text here is the fake's own: branch on the
 * status, not the text.
 *
 * <p>The fake is stricter than Braze in one documented way: unknown fields (top level, recipient, attachment) are
 * refused, so a typo in a client is caught by its tests instead of being silently ignored.
 */
public final class BrazeRequestRules {

    /** Size limit of a {@code context}, {@code canvas_entry_properties} or {@code trigger_properties} object. */
    public static final int MAX_PROPERTIES_BYTES = 51_200;
    /** Most recipients in one request. */
    public static final int MAX_RECIPIENTS = 50;
    /** Braze's message for more than {@link #MAX_RECIPIENTS} recipients. */
    public static final String TOO_MANY_RECIPIENTS = "The max number of external_ids and aliases per request was exceeded";

    private static final Set<String> CANVAS_FIELDS = Set.of("canvas_id", "context", "canvas_entry_properties", "broadcast",
            "audience", "recipients");
    private static final Set<String> CAMPAIGN_FIELDS = Set.of("campaign_id", "send_id", "trigger_properties", "broadcast",
            "audience", "recipients", "attachments");
    private static final Set<String> CANVAS_SCHEDULE_FIELDS = Set.of("canvas_id", "context", "canvas_entry_properties",
            "broadcast", "audience", "recipients", "schedule");
    private static final Set<String> CAMPAIGN_SCHEDULE_FIELDS = Set.of("campaign_id", "send_id", "trigger_properties",
            "broadcast", "audience", "recipients", "schedule");
    private static final Set<String> CANVAS_RECIPIENT_FIELDS = Set.of("external_user_id", "user_alias", "email",
            "prioritization", "context", "canvas_entry_properties", "send_to_existing_only", "attributes");
    private static final Set<String> CAMPAIGN_RECIPIENT_FIELDS = Set.of("external_user_id", "user_alias", "email",
            "prioritization", "trigger_properties", "send_to_existing_only", "attributes");
    private static final Set<String> IDENTIFIERS = Set.of("external_user_id", "user_alias", "email");
    private static final Set<String> PRIORITIZATION = Set.of("identified", "unidentified", "most_recently_updated",
            "least_recently_updated");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> knownCanvasIds;
    private final Set<String> knownCampaignIds;
    private final boolean strictSendToExistingOnly;
    private final ScheduleRules schedules;

    /**
     * @param knownCanvasIds           the Canvas ids that exist, or {@code null} to accept any id
     * @param knownCampaignIds         the campaign ids that exist, or {@code null} to accept any id
     * @param strictSendToExistingOnly refuse {@code send_to_existing_only:false} with a user alias or without attributes
     */
    public BrazeRequestRules(Set<String> knownCanvasIds, Set<String> knownCampaignIds, boolean strictSendToExistingOnly) {
        this(knownCanvasIds, knownCampaignIds, strictSendToExistingOnly, Clock.systemUTC());
    }

    /**
     * @param clock decides whether a local-time schedule has already passed in every time zone
     * @see #BrazeRequestRules(Set, Set, boolean)
     */
    public BrazeRequestRules(Set<String> knownCanvasIds, Set<String> knownCampaignIds, boolean strictSendToExistingOnly,
                             Clock clock) {
        this.knownCanvasIds = knownCanvasIds == null ? null : Set.copyOf(knownCanvasIds);
        this.knownCampaignIds = knownCampaignIds == null ? null : Set.copyOf(knownCampaignIds);
        this.strictSendToExistingOnly = strictSendToExistingOnly;
        this.schedules = new ScheduleRules(clock);
    }

    /** Rules with no known-id list and strict {@code send_to_existing_only} checks. */
    public static BrazeRequestRules lenientIds() {
        return new BrazeRequestRules(null, null, true);
    }

    /**
     * The 400 message Braze would answer for this body, or empty if Braze would accept it.
     *
     * @param endpoint the endpoint the body was posted to
     * @param body     the parsed request body (any JSON value)
     */
    public Optional<String> violation(BrazeEndpoint endpoint, JsonNode body) {
        try {
            validate(endpoint, body);
            return Optional.empty();
        } catch (RuleViolation v) {
            return Optional.of(v.getMessage());
        }
    }

    /**
     * True when the body is a broadcast for rate limiting: {@code broadcast:true} or an {@code audience} (only trigger sends
     * and schedule creates have either).
     */
    public static boolean isBroadcast(JsonNode body) {
        return body != null && body.isObject()
                && (body.path("broadcast").asBoolean(false) || (body.has("audience") && !body.get("audience").isNull()));
    }

    private void validate(BrazeEndpoint endpoint, JsonNode body) {
        check(body != null && body.isObject(), "Bad syntax: the request body must be a JSON object");
        targetId(endpoint, body);
        boolean canvas = endpoint.isCanvas();
        switch (endpoint.kind()) {
            case SCHEDULE_UPDATE -> {
                onlyFields(body, Set.of(endpoint.idField(), "schedule_id", "schedule"), endpoint.path());
                scheduleId(body);
                schedules.check(body.get("schedule"));
                return;
            }
            case SCHEDULE_DELETE -> {
                onlyFields(body, Set.of(endpoint.idField(), "schedule_id"), endpoint.path());
                scheduleId(body);
                return;
            }
            case SEND_ID_CREATE -> {
                onlyFields(body, Set.of("campaign_id", "send_id"), endpoint.path());
                sendId(body.get("send_id"));
                return;
            }
            case SCHEDULE_CREATE -> {
                onlyFields(body, canvas ? CANVAS_SCHEDULE_FIELDS : CAMPAIGN_SCHEDULE_FIELDS, endpoint.path());
                schedules.check(body.get("schedule"));
            }
            default -> onlyFields(body, canvas ? CANVAS_FIELDS : CAMPAIGN_FIELDS, endpoint.path());
        }
        if (canvas) {
            properties(body, "context", "");
            properties(body, "canvas_entry_properties", "");
        } else {
            properties(body, "trigger_properties", "");
            sendId(body.get("send_id"));
        }
        boolean broadcast = broadcastFlag(body);
        int recipientCount = recipients(endpoint, body.get("recipients"));
        check(!(broadcast && recipientCount > 0), "broadcast cannot be true when recipients are specified");
        check(broadcast || recipientCount > 0, "Either recipients must be given or broadcast must be true");
        if (body.has("audience")) {
            AudienceRules.validate(body.get("audience"));
        }
        if (!canvas) {
            attachments(body.get("attachments"), broadcast);
        }
    }

    private static void scheduleId(JsonNode body) {
        JsonNode id = body.get("schedule_id");
        check(id != null && id.isTextual() && !id.asText().isBlank(), "schedule_id must be a string: the schedule_id the"
                + " schedule create answered");
    }

    private void targetId(BrazeEndpoint endpoint, JsonNode body) {
        JsonNode id = body.get(endpoint.idField());
        boolean canvas = endpoint.isCanvas();
        check(id != null && id.isTextual() && !id.asText().isBlank(), canvas
                ? "canvas_id must be a string of the Canvas api identifier"
                : "campaign_id must be a string of the campaign api identifier");
        Set<String> known = canvas ? knownCanvasIds : knownCampaignIds;
        check(known == null || known.contains(id.asText()), endpoint.displayName() + " does not exist");
    }

    private static boolean broadcastFlag(JsonNode body) {
        JsonNode broadcast = body.get("broadcast");
        check(broadcast == null || broadcast.isBoolean(), "broadcast must be a boolean");
        return broadcast != null && broadcast.booleanValue();
    }

    private int recipients(BrazeEndpoint endpoint, JsonNode recipients) {
        if (recipients == null) {
            return 0;
        }
        check(recipients.isArray(), "recipients must be an array");
        check(recipients.size() <= MAX_RECIPIENTS, TOO_MANY_RECIPIENTS);
        int i = 0;
        for (JsonNode recipient : recipients) {
            recipient(endpoint, recipient, "recipients[" + i++ + "]");
        }
        return recipients.size();
    }

    private void recipient(BrazeEndpoint endpoint, JsonNode recipient, String where) {
        check(recipient.isObject(), where + " must be an object");
        boolean canvas = endpoint.isCanvas();
        onlyFields(recipient, canvas ? CANVAS_RECIPIENT_FIELDS : CAMPAIGN_RECIPIENT_FIELDS, where);
        long identifiers = IDENTIFIERS.stream().filter(recipient::has).count();
        check(identifiers == 1, where + ": exactly one of external_user_id, user_alias or email is required");
        if (recipient.has("external_user_id")) {
            nonBlankString(recipient.get("external_user_id"), where + ".external_user_id");
        } else if (recipient.has("user_alias")) {
            userAlias(recipient.get("user_alias"), where + ".user_alias");
        } else {
            nonBlankString(recipient.get("email"), where + ".email");
            prioritization(recipient.get("prioritization"), where);
        }
        if (canvas) {
            properties(recipient, "context", where + ".");
            properties(recipient, "canvas_entry_properties", where + ".");
        } else {
            properties(recipient, "trigger_properties", where + ".");
        }
        JsonNode attributes = recipient.get("attributes");
        check(attributes == null || attributes.isObject(), where + ".attributes must be an object");
        sendToExistingOnly(recipient, attributes, where);
    }

    private void sendToExistingOnly(JsonNode recipient, JsonNode attributes, String where) {
        JsonNode flag = recipient.get("send_to_existing_only");
        if (flag == null) {
            return;
        }
        check(flag.isBoolean(), where + ".send_to_existing_only must be a boolean");
        if (strictSendToExistingOnly && !flag.booleanValue()) {
            check(!recipient.has("user_alias"), where + ": send_to_existing_only cannot be used with user aliases");
            check(attributes != null && !attributes.isEmpty(),
                    where + ": send_to_existing_only false requires a non-empty attributes object");
        }
    }

    private static void userAlias(JsonNode alias, String where) {
        check(alias.isObject(), where + " must be an object with alias_name and alias_label");
        onlyFields(alias, Set.of("alias_name", "alias_label"), where);
        nonBlankString(alias.get("alias_name"), where + ".alias_name");
        nonBlankString(alias.get("alias_label"), where + ".alias_label");
    }

    private static void prioritization(JsonNode prioritization, String where) {
        check(prioritization != null && prioritization.isArray() && !prioritization.isEmpty(),
                where + ": prioritization is required with email");
        int identity = 0;
        for (JsonNode value : prioritization) {
            check(value.isTextual() && PRIORITIZATION.contains(value.asText()), where
                    + ".prioritization: values must be identified, unidentified, most_recently_updated or least_recently_updated");
            if (value.asText().equals("identified") || value.asText().equals("unidentified")) {
                identity++;
            }
        }
        check(identity <= 1, where + ".prioritization: only one of identified or unidentified is allowed");
    }

    private static void properties(JsonNode owner, String field, String where) {
        JsonNode properties = owner.get(field);
        if (properties == null) {
            return;
        }
        check(properties.isObject(), where + field + " must be an object");
        check(serializedSize(properties) <= MAX_PROPERTIES_BYTES,
                where + field + " exceeds the maximum size of " + MAX_PROPERTIES_BYTES + " bytes");
    }

    private static void sendId(JsonNode sendId) {
        if (sendId == null) {
            return;
        }
        check(sendId.isTextual() && !sendId.asText().isEmpty() && sendId.asText().length() <= 64
                && StandardCharsets.US_ASCII.newEncoder().canEncode(sendId.asText()),
                "send_id must be an ASCII string of at most 64 characters");
    }

    private static void attachments(JsonNode attachments, boolean broadcast) {
        if (attachments == null) {
            return;
        }
        check(!broadcast, "attachments cannot be used when broadcast is true");
        check(attachments.isArray(), "attachments must be an array");
        int i = 0;
        for (JsonNode attachment : attachments) {
            String where = "attachments[" + i++ + "]";
            check(attachment.isObject(), where + " must be an object with file_name and url");
            onlyFields(attachment, Set.of("file_name", "url"), where);
            nonBlankString(attachment.get("file_name"), where + ".file_name");
            nonBlankString(attachment.get("url"), where + ".url");
        }
    }

    private static void nonBlankString(JsonNode value, String where) {
        check(value != null && value.isTextual() && !value.asText().isBlank(), where + " must be a non-empty string");
    }

    private static void onlyFields(JsonNode object, Set<String> allowed, String where) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            check(allowed.contains(name), where + ": unknown field '" + name + "'");
        }
    }

    static int serializedSize(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
