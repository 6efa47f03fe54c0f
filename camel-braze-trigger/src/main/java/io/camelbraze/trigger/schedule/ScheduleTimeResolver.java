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

import static io.camelbraze.trigger.BrazeTriggerConstants.SCHEDULE_AT_OPTIMAL_TIME;
import static io.camelbraze.trigger.BrazeTriggerConstants.SCHEDULE_IN_LOCAL_TIME;
import static io.camelbraze.trigger.BrazeTriggerConstants.SCHEDULE_TIME;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import org.apache.camel.Message;

import io.camelbraze.trigger.BrazeTriggerConfiguration;
import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.model.Schedule;

/**
 * Finds an exchange's schedule: the time from the header {@code CamelBrazeScheduleTime}, else the body's
 * {@code schedule.time}, else the endpoint option {@code scheduleTime}; each flag ({@code in_local_time},
 * {@code at_optimal_time}) from its header ({@code CamelBrazeScheduleInLocalTime}, {@code CamelBrazeScheduleAtOptimalTime}),
 * else the body's schedule, else the endpoint option ({@code inLocalTime}, {@code atOptimalTime}).
 * <p>
 * Times are read as given, keeping whether they had a zone designator: an {@link Instant} is a UTC time; an
 * {@link OffsetDateTime} or {@link ZonedDateTime} keeps its offset; a {@link LocalDateTime} has none; a {@link LocalDate} is
 * its start; a String is ISO 8601 ({@code 2026-12-01T09:00:00Z}, {@code …+02:00}, {@code …+0200},
 * {@code …+01:00[Europe/Paris]}, {@code 2026-12-01T09:00} or {@code 2026-12-01}). How Braze gets it is
 * {@link ResolvedSchedule#toSchedule()}'s business; whether it is acceptable is {@link ScheduleValidator}'s. Thread-safe.
 */
public final class ScheduleTimeResolver {

    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .optionalStart().appendLiteral('[').appendZoneRegionId().appendLiteral(']').optionalEnd()
            .toFormatter(Locale.ROOT);

    private final BrazeTriggerConfiguration configuration;

    public ScheduleTimeResolver(BrazeTriggerConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * @param message  the exchange's message (headers)
     * @param fromBody the body's schedule object, or {@code null}
     * @throws BrazeValidationException when a time or flag cannot be read, naming the header, field or option
     */
    public ResolvedSchedule resolve(Message message, Schedule fromBody) {
        Temporal time = null;
        String timeField = null;
        Object header = message.getHeader(SCHEDULE_TIME);
        if (header != null) {
            timeField = SCHEDULE_TIME;
            time = parse(header, timeField);
        } else if (fromBody != null && fromBody.time() != null) {
            timeField = "schedule.time";
            time = parse(fromBody.time(), timeField);
        } else if (configuration.getScheduleTime() != null) {
            timeField = "scheduleTime";
            time = parse(configuration.getScheduleTime(), timeField);
        }
        Flag inLocal = flag(message, SCHEDULE_IN_LOCAL_TIME, fromBody == null ? null : fromBody.inLocalTime(),
                "schedule.in_local_time", configuration.isInLocalTime(), "inLocalTime");
        Flag optimal = flag(message, SCHEDULE_AT_OPTIMAL_TIME, fromBody == null ? null : fromBody.atOptimalTime(),
                "schedule.at_optimal_time", configuration.isAtOptimalTime(), "atOptimalTime");
        return new ResolvedSchedule(time, timeField, inLocal.value, inLocal.field, optimal.value, optimal.field);
    }

    /**
     * A schedule time as given: an {@link OffsetDateTime} when it has a zone designator (an Instant at UTC), else a
     * {@link LocalDateTime}.
     *
     * @param field names the value in the error
     * @throws BrazeValidationException when it is of another type or not ISO 8601
     */
    public static Temporal parse(Object value, String field) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime offset) {
            return offset;
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toOffsetDateTime();
        }
        if (value instanceof LocalDateTime local) {
            return local;
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay();
        }
        if (value instanceof CharSequence text) {
            return parseText(text.toString().trim(), field);
        }
        throw new BrazeValidationException(field, "a schedule time must be an Instant, OffsetDateTime, ZonedDateTime,"
                                                  + " LocalDateTime, LocalDate or ISO 8601 String, found a "
                                                  + value.getClass().getName()
                                                  + (value instanceof java.util.Date ? " (convert it with toInstant(), knowing"
                                                                                       + " which time zone it was written in)" : ""));
    }

    private static Temporal parseText(String text, String field) {
        try {
            TemporalAccessor parsed = ISO.parseBest(text, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from,
                    LocalDate::from);
            if (parsed instanceof ZonedDateTime zoned) {
                return zoned.toOffsetDateTime();
            }
            if (parsed instanceof LocalDate date) {
                return date.atStartOfDay();
            }
            return (Temporal) parsed;
        } catch (DateTimeParseException e) {
            throw new BrazeValidationException(field, "'" + text + "' is not an ISO 8601 date-time (e.g. 2026-12-01T09:00:00Z,"
                                                      + " or 2026-12-01T09:00:00 for a local time)", e);
        }
    }

    private static Flag flag(Message message, String header, Boolean fromBody, String bodyField, boolean option,
                             String optionName) {
        Object value = message.getHeader(header);
        if (value != null) {
            return new Flag(booleanHeader(value, header), header);
        }
        if (fromBody != null) {
            return new Flag(fromBody, bodyField);
        }
        return new Flag(option, option ? optionName : null);
    }

    private static boolean booleanHeader(Object value, String header) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new BrazeValidationException(header, "must be true or false, found '" + text + "'");
    }

    private record Flag(boolean value, String field) {
    }
}
