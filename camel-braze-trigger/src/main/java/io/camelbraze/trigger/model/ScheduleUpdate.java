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
 * The body of {@code POST /canvas/trigger/schedule/update} or {@code POST /campaigns/trigger/schedule/update}: moves an
 * existing schedule. The new {@code schedule} <b>completely replaces</b> the old one (a local-time schedule updated with a
 * plain time becomes a UTC one). Recipients, personalization and audience cannot be changed: cancel and schedule again.
 *
 * @param canvasId   {@code canvas_id} (Canvas)
 * @param campaignId {@code campaign_id} (campaign)
 * @param scheduleId {@code schedule_id}: what Braze answered when the schedule was created
 * @param schedule   {@code schedule}: the new time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "canvas_id", "campaign_id", "schedule_id", "schedule" })
public record ScheduleUpdate(
        @JsonProperty("canvas_id") String canvasId,
        @JsonProperty("campaign_id") String campaignId,
        @JsonProperty("schedule_id") String scheduleId,
        @JsonProperty("schedule") Schedule schedule) {

    /** Moves the Canvas schedule {@code scheduleId} to {@code schedule}. */
    public static ScheduleUpdate canvas(String canvasId, String scheduleId, Schedule schedule) {
        return new ScheduleUpdate(canvasId, null, scheduleId, schedule);
    }

    /** Moves the campaign schedule {@code scheduleId} to {@code schedule}. */
    public static ScheduleUpdate campaign(String campaignId, String scheduleId, Schedule schedule) {
        return new ScheduleUpdate(null, campaignId, scheduleId, schedule);
    }

    /** A copy with this {@code canvas_id}. */
    public ScheduleUpdate withCanvasId(String newCanvasId) {
        return new ScheduleUpdate(newCanvasId, campaignId, scheduleId, schedule);
    }

    /** A copy with this {@code campaign_id}. */
    public ScheduleUpdate withCampaignId(String newCampaignId) {
        return new ScheduleUpdate(canvasId, newCampaignId, scheduleId, schedule);
    }

    /** A copy with this {@code schedule_id}. */
    public ScheduleUpdate withScheduleId(String newScheduleId) {
        return new ScheduleUpdate(canvasId, campaignId, newScheduleId, schedule);
    }

    /** A copy with this {@code schedule}. */
    public ScheduleUpdate withSchedule(Schedule newSchedule) {
        return new ScheduleUpdate(canvasId, campaignId, scheduleId, newSchedule);
    }
}
