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
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A schedule the fake created, as it stands now: the create request (recipients, personalization, audience) and the
 * latest {@code schedule} object (updates replace it entirely), or its cancellation. Immutable: the fake's
 * {@link FakeBraze#schedules()} returns the state at the time of the call.
 *
 * @param scheduleId the {@code schedule_id} the fake answered
 * @param created    the accepted create request
 * @param schedule   the current {@code schedule} object
 * @param updates    how many accepted updates replaced the schedule
 * @param cancelled  whether an accepted delete cancelled it
 */
public record ScheduledSend(String scheduleId, RecordedRequest created, JsonNode schedule, int updates, boolean cancelled) {

    /** The {@code canvas_id} or {@code campaign_id}. */
    public String targetId() {
        return created.targetId();
    }

    /** True for a Canvas schedule, false for a campaign one. */
    public boolean isCanvas() {
        return created.endpoint().isCanvas();
    }

    /** {@code schedule.time} as sent. */
    public String time() {
        return schedule.path("time").asText(null);
    }

    /** {@code schedule.in_local_time}. */
    public boolean inLocalTime() {
        return schedule.path("in_local_time").asBoolean(false);
    }

    /** {@code schedule.at_optimal_time}. */
    public boolean atOptimalTime() {
        return schedule.path("at_optimal_time").asBoolean(false);
    }

    /** The moment a plain (UTC) schedule goes out; a zone-less time is UTC. Meaningless for local and optimal schedules. */
    public OffsetDateTime instant() {
        return ScheduleRules.instantOf(time());
    }

    /** The wall-clock time of a local or optimal schedule (its day, for an optimal one). */
    public LocalDateTime localTime() {
        return ScheduleRules.localOf(time());
    }

    /** The recipients it was created for (one broadcast entry when it has none). */
    public List<Recipient> recipients() {
        return Recipient.of(created);
    }
}
