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
package io.camelbraze.trigger.schedule;

import static io.camelbraze.trigger.BrazeTriggerConstants.SCHEDULE_ID;
import static io.camelbraze.trigger.BrazeTriggerConstants.SCHEDULE_TIME;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.model.Schedule;
import io.camelbraze.trigger.model.TriggerRequest;

/**
 * Braze's rules for schedules (braze-api.md §8.6), checked before anything is sent:
 * <ul>
 * <li>a schedule needs a time;</li>
 * <li>{@code in_local_time} and {@code at_optimal_time} are exclusive;</li>
 * <li>a local-time schedule whose time has already passed in every time zone is refused, as Braze refuses it: the last
 * zone is UTC−12, so a local time passed everywhere once it plus 12 hours is before now;</li>
 * <li>Braze's schedule-create endpoints take no {@code attachments};</li>
 * <li>an update or cancellation names the schedule it changes.</li>
 * </ul>
 * A plain (UTC) time in the past is not refused: Braze documents no rule for it. Thread-safe.
 */
public final class ScheduleValidator {

    /** The latest time zone is UTC−12: a local time has passed everywhere 12 hours after it passed in UTC. */
    static final Duration LATEST_ZONE_BEHIND_UTC = Duration.ofHours(12);

    private final Clock clock;

    public ScheduleValidator(Clock clock) {
        this.clock = clock;
    }

    /**
     * @return the schedule as Braze gets it (see {@link ResolvedSchedule#toSchedule()})
     * @throws BrazeValidationException naming the header, body field or option at fault
     */
    public Schedule validate(ResolvedSchedule schedule) {
        if (schedule.time() == null) {
            throw new BrazeValidationException("schedule.time", "required: a schedule needs a time; set the header " + SCHEDULE_TIME
                                                                + ", the body's schedule.time or the endpoint option scheduleTime");
        }
        if (schedule.inLocalTime() && schedule.atOptimalTime()) {
            throw new BrazeValidationException(schedule.atOptimalTimeField(), "in_local_time (from " + schedule.inLocalTimeField()
                                                                              + ") and at_optimal_time (from "
                                                                              + schedule.atOptimalTimeField()
                                                                              + ") are exclusive; set only one");
        }
        if (schedule.inLocalTime()) {
            refusePassedEverywhere(schedule.localTime(), schedule.timeField());
        }
        return schedule.toSchedule();
    }

    /** The rules of a schedule create beyond those of a send and of its schedule. */
    public void validateCreate(TriggerRequest request) {
        if (request.attachments() != null) {
            throw new BrazeValidationException("attachments", "Braze's schedule endpoints take no attachments; send the"
                                                              + " campaign with attachments through action=send");
        }
    }

    /**
     * @throws BrazeValidationException when {@code scheduleId} is missing or blank
     */
    public static String requireScheduleId(String scheduleId) {
        if (scheduleId == null || scheduleId.isBlank()) {
            throw new BrazeValidationException("schedule_id", "required: set the header " + SCHEDULE_ID
                                                              + " to the id action=schedule returned, or the body's schedule_id");
        }
        return scheduleId;
    }

    private void refusePassedEverywhere(LocalDateTime localTime, String field) {
        Instant passedEverywhere = localTime.toInstant(ZoneOffset.UTC).plus(LATEST_ZONE_BEHIND_UTC);
        Instant now = clock.instant();
        if (passedEverywhere.isBefore(now)) {
            throw new BrazeValidationException(field, "the local time " + Schedule.local(localTime)
                                                      + " has already passed in every time zone (even in UTC-12 it was "
                                                      + Schedule.utc(passedEverywhere) + "; now is " + Schedule.utc(now)
                                                      + "); Braze refuses such a schedule");
        }
    }
}
