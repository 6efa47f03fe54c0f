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

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import io.camelbraze.trigger.mapping.BrazeJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule model, written exactly as Braze's schedule endpoints take it. */
class ScheduleJsonTest {

    @Test
    void theThreeKindsOfSchedule() {
        assertThat(BrazeJson.write(Schedule.at(Instant.parse("2026-12-01T09:00:00.123Z"))))
                .isEqualTo("{\"time\":\"2026-12-01T09:00:00Z\"}");
        assertThat(BrazeJson.write(Schedule.inLocalTime(LocalDateTime.parse("2026-12-01T09:00"))))
                .isEqualTo("{\"time\":\"2026-12-01T09:00:00\",\"in_local_time\":true}");
        assertThat(BrazeJson.write(Schedule.atOptimalTime(LocalDate.parse("2026-12-01"))))
                .isEqualTo("{\"time\":\"2026-12-01T00:00:00\",\"at_optimal_time\":true}");
        assertThat(Schedule.inLocalTime(LocalDateTime.parse("2026-12-01T09:00")).isLocal()).isTrue();
        assertThat(Schedule.at(Instant.EPOCH).isLocal()).isFalse();
    }

    @Test
    void aScheduledRequestAndItsUpdateAndCancellation() {
        TriggerRequest request = TriggerRequest.canvas("cv-1").withContext(Map.of("a", 1))
                .withRecipients(Recipient.externalUserId("42")).withSchedule(Schedule.at(Instant.parse("2026-12-01T09:00:00Z")));
        assertThat(BrazeJson.write(request)).isEqualTo("{\"canvas_id\":\"cv-1\",\"context\":{\"a\":1},"
                + "\"recipients\":[{\"external_user_id\":\"42\"}],\"schedule\":{\"time\":\"2026-12-01T09:00:00Z\"}}");
        assertThat(BrazeJson.write(ScheduleUpdate.campaign("cmp-1", "s-1", Schedule.atOptimalTime(LocalDate.parse("2026-12-01")))))
                .isEqualTo("{\"campaign_id\":\"cmp-1\",\"schedule_id\":\"s-1\",\"schedule\":{\"time\":\"2026-12-01T00:00:00\","
                           + "\"at_optimal_time\":true}}");
        assertThat(BrazeJson.write(ScheduleCancel.canvas("cv-1", "s-1"))).isEqualTo("{\"canvas_id\":\"cv-1\",\"schedule_id\":\"s-1\"}");
    }

    @Test
    void aScheduleIsReadBackFromJsonAndTheOldConstructorStillWorks() throws Exception {
        TriggerRequest read = BrazeJson.mapper().readValue("{\"campaign_id\":\"c\",\"schedule\":{\"time\":\"2026-12-01T09:00:00\","
                + "\"in_local_time\":true}}", TriggerRequest.class);
        assertThat(read.schedule()).isEqualTo(new Schedule("2026-12-01T09:00:00", true, null));
        TriggerRequest unscheduled = new TriggerRequest("cv", null, null, null, null, null, null, null, null);
        assertThat(unscheduled.schedule()).isNull();
        assertThat(unscheduled.withSchedule(Schedule.at(Instant.EPOCH)).withCanvasId("cv-2").schedule()).isNotNull();
    }
}
