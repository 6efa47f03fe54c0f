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

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks on the schedules the fake holds for one Canvas or campaign, as they stand now (after updates; live or
 * cancelled, depending on how it was obtained). From {@link BrazeAssert#scheduled(String)} and
 * {@link BrazeAssert#cancelled(String)}. Like {@link TriggerAssert}, each call narrows the matching recipients (one per
 * recipient of each schedule; a broadcast schedule counts as one) and fails at once, listing the schedules and the
 * requests the fake received.
 *
 * <pre>{@code
 * braze.assertThatBraze().scheduled("cv-1").forExternalUserId("42")
 *         .at(Instant.parse("2026-12-01T09:00:00Z")).withContext("appointment_id", "A-7").times(1);
 * braze.assertThatBraze().scheduled("cmp-1").inLocalTime(LocalDateTime.parse("2026-12-01T09:00:00"));
 * braze.assertThatBraze().cancelled("cv-1").withScheduleId(scheduleId);
 * }</pre>
 */
public final class ScheduleAssert extends TriggerAssert<ScheduleAssert> {

    private final Map<RecordedRequest, ScheduledSend> byRequest;

    private ScheduleAssert(String criterion, List<ScheduledSend> schedules, List<RecordedRequest> received,
                           Map<RecordedRequest, ScheduledSend> byRequest) {
        super(schedules.isEmpty() || schedules.get(0).isCanvas() ? BrazeEndpoint.CANVAS_SCHEDULE_CREATE
                : BrazeEndpoint.CAMPAIGN_SCHEDULE_CREATE, criterion,
                schedules.stream().flatMap(s -> s.recipients().stream()).toList(), received, describe(schedules));
        this.byRequest = byRequest;
    }

    static ScheduleAssert of(String id, boolean cancelled, List<ScheduledSend> all, List<RecordedRequest> received) {
        List<ScheduledSend> schedules = all.stream().filter(s -> id.equals(s.targetId()) && s.cancelled() == cancelled).toList();
        Map<RecordedRequest, ScheduledSend> byRequest = new IdentityHashMap<>();
        schedules.forEach(s -> byRequest.put(s.created(), s));
        return new ScheduleAssert("\"" + id + "\" " + (cancelled ? "schedule cancelled" : "scheduled"), schedules, received,
                byRequest);
    }

    /** Narrows to plain schedules that go out at this moment (compared to the second). */
    public ScheduleAssert at(Instant instant) {
        return narrowSchedules("at " + instant, s -> !s.inLocalTime() && !s.atOptimalTime()
                && s.instant().toInstant().getEpochSecond() == instant.getEpochSecond());
    }

    /** Narrows to schedules in each recipient's local time ({@code in_local_time}) at this wall-clock time. */
    public ScheduleAssert inLocalTime(LocalDateTime localTime) {
        return narrowSchedules("in local time at " + localTime, s -> s.inLocalTime() && s.localTime().equals(localTime));
    }

    /** Narrows to schedules at each recipient's optimal time ({@code at_optimal_time}) on this day. */
    public ScheduleAssert atOptimalTime(LocalDate day) {
        return narrowSchedules("at optimal time on " + day, s -> s.atOptimalTime() && s.localTime().toLocalDate().equals(day));
    }

    /** Narrows to the schedule with this {@code schedule_id}. */
    public ScheduleAssert withScheduleId(String scheduleId) {
        return narrowSchedules("with schedule_id \"" + scheduleId + "\"", s -> s.scheduleId().equals(scheduleId));
    }

    /** Narrows to schedules whose time was replaced by at least one update. */
    public ScheduleAssert updated() {
        return narrowSchedules("updated", s -> s.updates() > 0);
    }

    /** Canvas schedules: narrows to recipients whose effective {@code context} has {@code key} equal to {@code value}. */
    public ScheduleAssert withContext(String key, Object value) {
        return withProperty(key, value);
    }

    /** Campaign schedules: narrows to recipients whose effective {@code trigger_properties} have {@code key} = {@code value}. */
    public ScheduleAssert withTriggerProperty(String key, Object value) {
        return withProperty(key, value);
    }

    /** Campaign schedules: narrows to those created with this {@code send_id}. */
    public ScheduleAssert withSendId(String sendId) {
        return narrow("with send_id \"" + sendId + "\"", r -> sendId.equals(r.request().json().path("send_id").asText(null)));
    }

    /** The distinct schedules that still match. */
    public List<ScheduledSend> schedules() {
        return requests().stream().map(byRequest::get).toList();
    }

    private ScheduleAssert narrowSchedules(String description, java.util.function.Predicate<ScheduledSend> condition) {
        return narrow(description, r -> condition.test(byRequest.get(r.request())));
    }

    private static String describe(List<ScheduledSend> schedules) {
        StringBuilder out = new StringBuilder("Schedules of this id (").append(schedules.size()).append("):");
        if (schedules.isEmpty()) {
            out.append(" none");
        }
        schedules.stream().limit(20).forEach(s -> out.append("\n  ").append(s.scheduleId()).append(' ').append(s.schedule())
                .append(s.updates() > 0 ? " (updated " + s.updates() + "x)" : "").append(s.cancelled() ? " cancelled" : "")
                .append(" from #").append(s.created().sequence()));
        return out.append('\n').toString();
    }
}
