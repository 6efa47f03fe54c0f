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

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The body of {@code POST /canvas/trigger/schedule/delete} or {@code POST /campaigns/trigger/schedule/delete}: cancels a
 * schedule before it is sent. Braze applies a cancellation close to the send time with best effort only (to all, some or
 * none of the recipients).
 *
 * @param canvasId   {@code canvas_id} (Canvas)
 * @param campaignId {@code campaign_id} (campaign)
 * @param scheduleId {@code schedule_id}: what Braze answered when the schedule was created
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "canvas_id", "campaign_id", "schedule_id" })
public record ScheduleCancel(
        @JsonProperty("canvas_id") String canvasId,
        @JsonProperty("campaign_id") String campaignId,
        @JsonProperty("schedule_id") String scheduleId) {

    /** Cancels the Canvas schedule {@code scheduleId}. */
    public static ScheduleCancel canvas(String canvasId, String scheduleId) {
        return new ScheduleCancel(canvasId, null, scheduleId);
    }

    /** Cancels the campaign schedule {@code scheduleId}. */
    public static ScheduleCancel campaign(String campaignId, String scheduleId) {
        return new ScheduleCancel(null, campaignId, scheduleId);
    }

    /** A copy with this {@code canvas_id}. */
    public ScheduleCancel withCanvasId(String newCanvasId) {
        return new ScheduleCancel(newCanvasId, campaignId, scheduleId);
    }

    /** A copy with this {@code campaign_id}. */
    public ScheduleCancel withCampaignId(String newCampaignId) {
        return new ScheduleCancel(canvasId, newCampaignId, scheduleId);
    }

    /** A copy with this {@code schedule_id}. */
    public ScheduleCancel withScheduleId(String newScheduleId) {
        return new ScheduleCancel(canvasId, campaignId, newScheduleId);
    }
}
