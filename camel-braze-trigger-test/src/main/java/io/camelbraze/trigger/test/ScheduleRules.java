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
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Braze's rules for the {@code schedule} object of the schedule endpoints (braze-api.md §8.6):
 * <ul>
 * <li>{@code time} is required, an ISO 8601 date-time (Braze: 400 "Cannot parse");</li>
 * <li>{@code in_local_time} and {@code at_optimal_time} are booleans, not both true;</li>
 * <li>with either flag the time carries no zone designator (Braze: "leave the time-zone offset out"; the fake refuses one,
 * so that a client sending an offset is caught by its tests);</li>
 * <li>with {@code in_local_time}, a time that has already passed in every time zone is refused: the last zone is UTC−12,
 * so it passed everywhere once it plus 12 hours is before now (by the fake's clock).</li>
 * </ul>
 * A plain UTC time in the past is accepted: Braze documents nothing for it.
 */
final class ScheduleRules {

    /** How far behind UTC the last time zone is. */
    static final Duration LATEST_ZONE_BEHIND_UTC = Duration.ofHours(12);

    private static final Set<String> FIELDS = Set.of("time", "in_local_time", "at_optimal_time");
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private final Clock clock;

    ScheduleRules(Clock clock) {
        this.clock = clock;
    }

    void check(JsonNode schedule) {
        RuleViolation.check(schedule != null && schedule.isObject(), "schedule is required and must be an object");
        for (Iterator<String> names = schedule.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            RuleViolation.check(FIELDS.contains(name), "schedule: unknown field '" + name + "'");
        }
        boolean inLocalTime = flag(schedule, "in_local_time");
        boolean atOptimalTime = flag(schedule, "at_optimal_time");
        RuleViolation.check(!(inLocalTime && atOptimalTime), "schedule: in_local_time and at_optimal_time cannot both be true");
        JsonNode time = schedule.get("time");
        RuleViolation.check(time != null && time.isTextual(), "schedule.time is required: an ISO 8601 date-time string");
        TemporalAccessor parsed = parse(time.asText());
        boolean zoned = parsed instanceof OffsetDateTime;
        if (inLocalTime || atOptimalTime) {
            RuleViolation.check(!zoned, "schedule.time must not carry a time-zone offset with in_local_time or at_optimal_time");
        }
        if (inLocalTime) {
            LocalDateTime local = (LocalDateTime) parsed;
            RuleViolation.check(!local.toInstant(ZoneOffset.UTC).plus(LATEST_ZONE_BEHIND_UTC).isBefore(clock.instant()),
                    "Bad Request: in_local_time is true but the time has already passed in every time zone");
        }
    }

    /** The schedule's time as the moment it stands for (a zone-less plain time is UTC). */
    static OffsetDateTime instantOf(String time) {
        TemporalAccessor parsed = parse(time);
        return parsed instanceof OffsetDateTime zoned ? zoned : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
    }

    /** The schedule's wall-clock time (a zoned time's own local date-time). */
    static LocalDateTime localOf(String time) {
        TemporalAccessor parsed = parse(time);
        return parsed instanceof OffsetDateTime zoned ? zoned.toLocalDateTime() : (LocalDateTime) parsed;
    }

    private static TemporalAccessor parse(String time) {
        try {
            return ISO.parseBest(time, OffsetDateTime::from, LocalDateTime::from);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("Bad Request: cannot parse schedule.time '" + time + "' as an ISO 8601 date-time");
        }
    }

    private static boolean flag(JsonNode schedule, String field) {
        JsonNode value = schedule.get(field);
        RuleViolation.check(value == null || value.isBoolean(), "schedule." + field + " must be a boolean");
        return value != null && value.booleanValue();
    }
}
