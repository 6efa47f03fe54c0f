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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Braze's schedule object: when a scheduled Canvas or campaign send goes out (braze-api.md §8.6).
 * <ul>
 * <li>{@link #at(Instant)}: at one moment for everybody, written in UTC: {@code {"time": "2026-12-01T09:00:00Z"}};</li>
 * <li>{@link #inLocalTime(LocalDateTime)}: at this wall-clock time in each recipient's own time zone, written without a
 * zone designator: {@code {"time": "2026-12-01T09:00:00", "in_local_time": true}};</li>
 * <li>{@link #atOptimalTime(LocalDate)}: on this day, at the time each recipient is most likely to engage:
 * {@code {"time": "2026-12-01T00:00:00", "at_optimal_time": true}}.</li>
 * </ul>
 * A schedule read from a body may carry any ISO 8601 {@code time}; the producer rewrites it the way Braze wants it (see
 * {@link io.camelbraze.trigger.schedule.ScheduleTimeResolver}) before sending.
 *
 * @param time          {@code time}: ISO 8601; UTC for a plain schedule, without zone designator for a local or optimal one
 * @param inLocalTime   {@code in_local_time}: send at {@code time} in each recipient's time zone
 * @param atOptimalTime {@code at_optimal_time}: send on {@code time}'s day at each recipient's optimal time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "time", "in_local_time", "at_optimal_time" })
public record Schedule(
        @JsonProperty("time") String time,
        @JsonProperty("in_local_time") Boolean inLocalTime,
        @JsonProperty("at_optimal_time") Boolean atOptimalTime) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** At this moment for every recipient; written in UTC, e.g. {@code 2026-12-01T09:00:00Z}. */
    public static Schedule at(Instant instant) {
        return new Schedule(utc(instant), null, null);
    }

    /** At this wall-clock time in each recipient's own time zone; written without zone designator. */
    public static Schedule inLocalTime(LocalDateTime localTime) {
        return new Schedule(local(localTime), Boolean.TRUE, null);
    }

    /** On this day, at the time each recipient is most likely to engage (Braze's Intelligent Timing). */
    public static Schedule atOptimalTime(LocalDate day) {
        return new Schedule(local(day.atStartOfDay()), null, Boolean.TRUE);
    }

    /** True for a schedule in each recipient's time zone: {@code in_local_time} or {@code at_optimal_time}. */
    @JsonIgnore
    public boolean isLocal() {
        return Boolean.TRUE.equals(inLocalTime) || Boolean.TRUE.equals(atOptimalTime);
    }

    /** An instant as Braze's UTC time: whole seconds, {@code Z}. */
    public static String utc(Instant instant) {
        return LOCAL.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC)) + "Z";
    }

    /** A wall-clock time as Braze's local time: whole seconds, no zone designator. */
    public static String local(LocalDateTime localTime) {
        return LOCAL.format(localTime.truncatedTo(ChronoUnit.SECONDS));
    }
}
