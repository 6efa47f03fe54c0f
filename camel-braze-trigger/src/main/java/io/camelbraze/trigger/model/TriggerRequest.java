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
package io.camelbraze.trigger.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The body of {@code POST /canvas/trigger/send} or {@code POST /campaigns/trigger/send}, in Braze's field names. Null fields
 * are not written. Which fields belong to which endpoint is checked by
 * {@link io.camelbraze.trigger.mapping.BrazeRequestValidator}, not here: a Canvas request uses {@code canvas_id} and
 * {@code context}; a campaign request uses {@code campaign_id}, {@code send_id}, {@code trigger_properties} and
 * {@code attachments}.
 *
 * @param canvasId          {@code canvas_id} (Canvas)
 * @param campaignId        {@code campaign_id} (campaign)
 * @param sendId            {@code send_id} (campaign; ASCII, at most 64 characters)
 * @param context           {@code context} (Canvas); the legacy {@code canvas_entry_properties} is read into it and always
 *                          written as {@code context}
 * @param triggerProperties {@code trigger_properties} (campaign)
 * @param broadcast         {@code broadcast}: send to the whole dashboard segment; excludes recipients
 * @param audience          {@code audience}: Connected Audience filter
 * @param recipients        {@code recipients}: at most 50 per HTTP request (see
 *                          {@link io.camelbraze.trigger.delivery.RequestChunks})
 * @param attachments       {@code attachments} (campaign; not with broadcast)
 * @param schedule          {@code schedule}: when a scheduled send goes out (endpoints with {@code action=schedule} only; a
 *                          send endpoint refuses it)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "canvas_id", "campaign_id", "send_id", "context", "trigger_properties", "broadcast", "audience", "recipients",
                     "attachments", "schedule" })
public record TriggerRequest(
        @JsonProperty("canvas_id") String canvasId,
        @JsonProperty("campaign_id") String campaignId,
        @JsonProperty("send_id") String sendId,
        @JsonProperty("context") @JsonAlias("canvas_entry_properties") Map<String, Object> context,
        @JsonProperty("trigger_properties") Map<String, Object> triggerProperties,
        @JsonProperty("broadcast") Boolean broadcast,
        @JsonProperty("audience") Audience audience,
        @JsonProperty("recipients") List<Recipient> recipients,
        @JsonProperty("attachments") List<Attachment> attachments,
        @JsonProperty("schedule") Schedule schedule) {

    /** Braze takes at most 50 recipients a request. */
    public static final int MAX_RECIPIENTS_PER_REQUEST = 50;

    public TriggerRequest {
        context = Copies.map(context);
        triggerProperties = Copies.map(triggerProperties);
        recipients = Copies.list(recipients);
        attachments = Copies.list(attachments);
    }

    /** A request without a schedule (a send now). */
    public TriggerRequest(String canvasId, String campaignId, String sendId, Map<String, Object> context,
                          Map<String, Object> triggerProperties, Boolean broadcast, Audience audience, List<Recipient> recipients,
                          List<Attachment> attachments) {
        this(canvasId, campaignId, sendId, context, triggerProperties, broadcast, audience, recipients, attachments, null);
    }

    /** A Canvas request for the given Canvas API identifier. */
    public static TriggerRequest canvas(String canvasId) {
        return new TriggerRequest(canvasId, null, null, null, null, null, null, null, null);
    }

    /** A campaign request for the given campaign API identifier. */
    public static TriggerRequest campaign(String campaignId) {
        return new TriggerRequest(null, campaignId, null, null, null, null, null, null, null);
    }

    /** A copy with this {@code canvas_id}. */
    public TriggerRequest withCanvasId(String newCanvasId) {
        return new TriggerRequest(newCanvasId, campaignId, sendId, context, triggerProperties, broadcast, audience, recipients,
                attachments, schedule);
    }

    /** A copy with this {@code campaign_id}. */
    public TriggerRequest withCampaignId(String newCampaignId) {
        return new TriggerRequest(canvasId, newCampaignId, sendId, context, triggerProperties, broadcast, audience, recipients,
                attachments, schedule);
    }

    /** A copy with this {@code send_id}. */
    public TriggerRequest withSendId(String newSendId) {
        return new TriggerRequest(canvasId, campaignId, newSendId, context, triggerProperties, broadcast, audience, recipients,
                attachments, schedule);
    }

    /** A copy with this top-level {@code context} (Canvas). */
    public TriggerRequest withContext(Map<String, Object> newContext) {
        return new TriggerRequest(canvasId, campaignId, sendId, newContext, triggerProperties, broadcast, audience, recipients,
                attachments, schedule);
    }

    /** A copy with these top-level {@code trigger_properties} (campaign). */
    public TriggerRequest withTriggerProperties(Map<String, Object> newTriggerProperties) {
        return new TriggerRequest(canvasId, campaignId, sendId, context, newTriggerProperties, broadcast, audience, recipients,
                attachments, schedule);
    }

    /** A copy with this {@code broadcast} flag. */
    public TriggerRequest withBroadcast(Boolean newBroadcast) {
        return new TriggerRequest(canvasId, campaignId, sendId, context, triggerProperties, newBroadcast, audience, recipients,
                attachments, schedule);
    }

    /** A copy with this Connected Audience filter. */
    public TriggerRequest withAudience(Audience newAudience) {
        return new TriggerRequest(canvasId, campaignId, sendId, context, triggerProperties, broadcast, newAudience, recipients,
                attachments, schedule);
    }

    /** A copy with these recipients. */
    public TriggerRequest withRecipients(List<Recipient> newRecipients) {
        return new TriggerRequest(canvasId, campaignId, sendId, context, triggerProperties, broadcast, audience, newRecipients,
                attachments, schedule);
    }

    /** A copy with these recipients. */
    public TriggerRequest withRecipients(Recipient... newRecipients) {
        return withRecipients(List.of(newRecipients));
    }

    /** A copy with these attachments (campaign). */
    public TriggerRequest withAttachments(List<Attachment> newAttachments) {
        return new TriggerRequest(canvasId, campaignId, sendId, context, triggerProperties, broadcast, audience, recipients,
                newAttachments, schedule);
    }

    /** A copy with these attachments (campaign). */
    public TriggerRequest withAttachments(Attachment... newAttachments) {
        return withAttachments(List.of(newAttachments));
    }

    /** A copy with this schedule (endpoints with {@code action=schedule}). */
    public TriggerRequest withSchedule(Schedule newSchedule) {
        return new TriggerRequest(canvasId, campaignId, sendId, context, triggerProperties, broadcast, audience, recipients,
                attachments, newSchedule);
    }

    /** The number of recipients (0 when there are none). */
    public int recipientCount() {
        return recipients == null ? 0 : recipients.size();
    }
}
