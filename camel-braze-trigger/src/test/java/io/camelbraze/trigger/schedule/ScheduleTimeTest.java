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

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

import io.camelbraze.trigger.BrazeOperation;
import io.camelbraze.trigger.BrazeTriggerConfiguration;
import io.camelbraze.trigger.BrazeTriggerConstants;
import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.model.Schedule;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Time handling without HTTP: which source wins, UTC for a plain schedule and no zone designator for a local or optimal
 * one, and the "already passed in every time zone" rule at its boundary (local time + 12 h against now).
 */
class ScheduleTimeTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    final ScheduleValidator validator = new ScheduleValidator(Clock.fixed(NOW, ZoneOffset.UTC));
    final BrazeTriggerConfiguration configuration = new BrazeTriggerConfiguration();

    ScheduleTimeTest() {
        configuration.setOperation(BrazeOperation.canvas);
    }

    private Message message(Map<String, Object> headers) {
        Message message = new DefaultExchange(new DefaultCamelContext()).getMessage();
        headers.forEach(message::setHeader);
        return message;
    }

    private Schedule resolve(Map<String, Object> headers, Schedule fromBody) {
        return validator.validate(new ScheduleTimeResolver(configuration).resolve(message(headers), fromBody));
    }

    private Schedule resolve(Object time, boolean inLocalTime, boolean atOptimalTime) {
        return resolve(Map.of(BrazeTriggerConstants.SCHEDULE_TIME, time, BrazeTriggerConstants.SCHEDULE_IN_LOCAL_TIME, inLocalTime,
                BrazeTriggerConstants.SCHEDULE_AT_OPTIMAL_TIME, atOptimalTime), null);
    }

    @Test
    void aPlainScheduleIsTheSameMomentInUtc() {
        OffsetDateTime paris = OffsetDateTime.parse("2026-12-01T11:00:00.750+02:00");
        for (Object time : new Object[] { paris, paris.toInstant(), paris.toZonedDateTime(),
                ZonedDateTime.parse("2026-12-01T10:00:00+01:00[Europe/Paris]"), "2026-12-01T11:00:00+02:00",
                "2026-12-01T11:00+0200", "2026-12-01T09:00:00Z", "2026-12-01T10:00:00+01:00[Europe/Paris]" }) {
            assertThat(resolve(time, false, false)).as("%s", time).isEqualTo(new Schedule("2026-12-01T09:00:00Z", null, null));
        }
    }

    @Test
    void aTimeWithoutZoneDesignatorIsUtcForAPlainSchedule() {
        assertThat(resolve(LocalDateTime.parse("2026-12-01T09:00"), false, false).time()).isEqualTo("2026-12-01T09:00:00Z");
        assertThat(resolve("2026-12-01T09:00:00", false, false).time()).isEqualTo("2026-12-01T09:00:00Z");
        assertThat(resolve(LocalDate.parse("2026-12-01"), false, false).time()).isEqualTo("2026-12-01T00:00:00Z");
    }

    @Test
    void aLocalScheduleKeepsTheWallClockTimeAndDropsTheZone() {
        Schedule expected = new Schedule("2026-12-01T09:00:00", true, null);
        for (Object time : new Object[] { OffsetDateTime.parse("2026-12-01T09:00:00+02:00"), "2026-12-01T09:00:00-05:00",
                ZonedDateTime.parse("2026-12-01T09:00:00+09:00[Asia/Tokyo]"), LocalDateTime.parse("2026-12-01T09:00:00"),
                "2026-12-01T09:00", Instant.parse("2026-12-01T09:00:00Z") }) {
            assertThat(resolve(time, true, false)).as("%s", time).isEqualTo(expected);
        }
        assertThat(resolve("2026-12-01", false, true)).isEqualTo(new Schedule("2026-12-01T00:00:00", null, true));
    }

    @Test
    void headerBeatsBodyBeatsOptionForTheTimeAndForEachFlag() {
        configuration.setScheduleTime("2026-12-03T09:00:00Z");
        configuration.setInLocalTime(true);
        Schedule body = new Schedule("2026-12-02T09:00:00", false, null);

        assertThat(resolve(Map.of(), null)).isEqualTo(new Schedule("2026-12-03T09:00:00", true, null));
        assertThat(resolve(Map.of(), body)).as("the body's in_local_time=false beats the option")
                .isEqualTo(new Schedule("2026-12-02T09:00:00Z", null, null));
        assertThat(resolve(Map.of(BrazeTriggerConstants.SCHEDULE_TIME, "2026-12-01T09:00:00",
                BrazeTriggerConstants.SCHEDULE_IN_LOCAL_TIME, "TRUE"), body)).isEqualTo(new Schedule("2026-12-01T09:00:00", true, null));
    }

    @Test
    void whereTheTimeCameFromIsNamedWhenItCannotBeRead() {
        assertThatThrownBy(() -> resolve(Map.of(BrazeTriggerConstants.SCHEDULE_TIME, 1_700_000_000L), null))
                .isInstanceOfSatisfying(BrazeValidationException.class,
                        e -> assertThat(e.getField()).isEqualTo(BrazeTriggerConstants.SCHEDULE_TIME));
        assertThatThrownBy(() -> resolve(Map.of(), new Schedule("1/12/2026 9:00", null, null)))
                .isInstanceOfSatisfying(BrazeValidationException.class, e -> assertThat(e.getField()).isEqualTo("schedule.time"));
        configuration.setScheduleTime("soon");
        assertThatThrownBy(() -> resolve(Map.of(), null))
                .isInstanceOfSatisfying(BrazeValidationException.class, e -> assertThat(e.getField()).isEqualTo("scheduleTime"));
    }

    @ParameterizedTest(name = "now {0}: local {1} -> {2}")
    @CsvSource({
        // local time + 12 h before now: passed in every time zone, refused
        "2026-11-28T10:00:00Z, 2026-11-27T21:59:59, refused",
        "2026-11-28T10:00:00Z, 2026-11-27T08:00:00, refused",
        // exactly now in UTC-12, or later: still ahead somewhere, accepted
        "2026-11-28T10:00:00Z, 2026-11-27T22:00:00, accepted",
        "2026-11-28T10:00:00Z, 2026-11-28T09:00:00, accepted",
        "2026-11-28T10:00:00Z, 2026-11-30T09:00:00, accepted",
    })
    void aLocalTimeIsRefusedOnlyOnceItPassedEvenInUtcMinus12(Instant now, LocalDateTime local, String outcome) {
        ScheduleValidator atNow = new ScheduleValidator(Clock.fixed(now, ZoneOffset.UTC));
        ResolvedSchedule schedule = new ResolvedSchedule(local, "CamelBrazeScheduleTime", true, "inLocalTime", false, null);
        if (outcome.equals("refused")) {
            assertThatThrownBy(() -> atNow.validate(schedule)).isInstanceOfSatisfying(BrazeValidationException.class, e -> {
                assertThat(e.getField()).isEqualTo("CamelBrazeScheduleTime");
                assertThat(e.getMessage()).contains("passed in every time zone");
            });
        } else {
            assertThat(atNow.validate(schedule).inLocalTime()).isTrue();
        }
    }

    @Test
    void aPlainTimeInThePastAndAnOptimalDayInThePastAreLeftToBraze() {
        assertThat(resolve(Instant.parse("2020-01-01T00:00:00Z"), false, false).time()).isEqualTo("2020-01-01T00:00:00Z");
        assertThat(resolve(LocalDate.parse("2020-01-01"), false, true).time()).isEqualTo("2020-01-01T00:00:00");
    }

    @Test
    void aScheduleNeedsATimeAndExclusiveFlags() {
        assertThatThrownBy(() -> resolve(Map.of(BrazeTriggerConstants.SCHEDULE_IN_LOCAL_TIME, true), null))
                .isInstanceOfSatisfying(BrazeValidationException.class, e -> assertThat(e.getField()).isEqualTo("schedule.time"));
        configuration.setAtOptimalTime(true);
        assertThatThrownBy(() -> resolve(Map.of(BrazeTriggerConstants.SCHEDULE_TIME, "2026-12-01T09:00",
                BrazeTriggerConstants.SCHEDULE_IN_LOCAL_TIME, true), null))
                .isInstanceOfSatisfying(BrazeValidationException.class, e -> {
                    assertThat(e.getField()).isEqualTo("atOptimalTime");
                    assertThat(e.getMessage()).contains("in_local_time (from CamelBrazeScheduleInLocalTime)")
                            .contains("at_optimal_time (from atOptimalTime)").contains("exclusive");
                });
    }
}
