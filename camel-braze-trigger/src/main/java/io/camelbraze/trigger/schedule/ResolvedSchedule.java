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

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

import io.camelbraze.trigger.model.Schedule;

/**
 * A schedule as the exchange gave it, before validation: the time as read (an {@link OffsetDateTime} when it had a zone
 * designator, a {@link LocalDateTime} when not, {@code null} when none was given) and the two flags, each with the header,
 * body field or option it came from, so that messages can name it.
 *
 * @param time               the time, or {@code null}
 * @param timeField          where the time came from, e.g. {@code CamelBrazeScheduleTime}, {@code schedule.time}, {@code scheduleTime}
 * @param inLocalTime        {@code in_local_time}
 * @param inLocalTimeField   where {@code in_local_time} came from ({@code null} when false by default)
 * @param atOptimalTime      {@code at_optimal_time}
 * @param atOptimalTimeField where {@code at_optimal_time} came from ({@code null} when false by default)
 */
public record ResolvedSchedule(Temporal time, String timeField, boolean inLocalTime, String inLocalTimeField,
                               boolean atOptimalTime, String atOptimalTimeField) {

    /** True when the flags ask for each recipient's time zone. */
    public boolean isLocal() {
        return inLocalTime || atOptimalTime;
    }

    /** The wall-clock time: a zoned time's own local date-time, or the zone-less time as given. */
    public LocalDateTime localTime() {
        return time instanceof OffsetDateTime zoned ? zoned.toLocalDateTime() : (LocalDateTime) time;
    }

    /**
     * Braze's schedule object. A plain schedule is written in UTC (a zone-less time is read as UTC, as Braze reads it); a
     * local or optimal one without zone designator (a zoned time as its local date-time: 09:00+02:00 becomes 09:00).
     */
    public Schedule toSchedule() {
        if (isLocal()) {
            return new Schedule(Schedule.local(localTime()), inLocalTime ? Boolean.TRUE : null,
                    atOptimalTime ? Boolean.TRUE : null);
        }
        OffsetDateTime zoned = time instanceof OffsetDateTime offset ? offset : ((LocalDateTime) time).atOffset(ZoneOffset.UTC);
        return new Schedule(Schedule.utc(zoned.toInstant()), null, null);
    }
}
