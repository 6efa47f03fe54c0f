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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the fake remembers between requests: the schedules it created (so that updating or deleting an unknown, cancelled
 * or other target's {@code schedule_id} is refused as Braze refuses it) and the send ids it created today (Braze allows 100
 * {@code campaign_id} + {@code send_id} combinations a day per workspace). Thread-safe.
 */
final class ScheduleBook {

    /** The fake's message for a {@code schedule_id} it does not know (Braze documents none: branch on the 400). */
    static final String UNKNOWN_SCHEDULE = "Invalid schedule_id: no such scheduled message for this ";

    private final Clock clock;
    private final int sendIdsPerDay;
    private final Map<String, Entry> schedules = new LinkedHashMap<>();
    private final Map<LocalDate, Set<String>> sendIdsByDay = new HashMap<>();
    private final List<CreatedSendId> sendIds = new ArrayList<>();

    ScheduleBook(Clock clock, int sendIdsPerDay) {
        this.clock = clock;
        this.sendIdsPerDay = sendIdsPerDay;
    }

    /** A new schedule id for an accepted create; its request is attached once recorded. */
    synchronized String create(JsonNode schedule) {
        String id = UUID.randomUUID().toString();
        schedules.put(id, new Entry(schedule));
        return id;
    }

    synchronized void attach(String scheduleId, RecordedRequest created) {
        Entry entry = schedules.get(scheduleId);
        if (entry != null) {
            entry.created = created;
        }
    }

    /** Why an update or delete of this body cannot be done; empty when it can (the caller then applies it). */
    synchronized Optional<String> refusal(BrazeEndpoint endpoint, JsonNode body) {
        Entry entry = schedules.get(body.path("schedule_id").asText());
        boolean known = entry != null && !entry.cancelled && entry.created != null
                && entry.created.endpoint().isCanvas() == endpoint.isCanvas()
                && body.path(endpoint.idField()).asText().equals(entry.created.targetId());
        return known ? Optional.empty() : Optional.of(UNKNOWN_SCHEDULE + endpoint.displayName());
    }

    synchronized void update(JsonNode body) {
        Entry entry = schedules.get(body.path("schedule_id").asText());
        entry.schedule = body.get("schedule");
        entry.updates++;
    }

    synchronized void cancel(JsonNode body) {
        schedules.get(body.path("schedule_id").asText()).cancelled = true;
    }

    /**
     * Creates (or finds) a send id for the campaign; empty when today's limit is reached (Braze answers 429). Re-creating a
     * combination that exists today does not count again.
     */
    synchronized Optional<String> createSendId(String campaignId, String proposed) {
        String sendId = proposed != null ? proposed : UUID.randomUUID().toString().replace("-", "");
        Set<String> today = sendIdsByDay.computeIfAbsent(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                day -> new LinkedHashSet<>());
        String combination = campaignId + "\u0000" + sendId;
        if (!today.contains(combination)) {
            if (today.size() >= sendIdsPerDay) {
                return Optional.empty();
            }
            today.add(combination);
            sendIds.add(new CreatedSendId(campaignId, sendId));
        }
        return Optional.of(sendId);
    }

    synchronized List<ScheduledSend> schedules() {
        List<ScheduledSend> all = new ArrayList<>();
        schedules.forEach((id, entry) -> {
            if (entry.created != null) {
                all.add(new ScheduledSend(id, entry.created, entry.schedule, entry.updates, entry.cancelled));
            }
        });
        return List.copyOf(all);
    }

    /** Every send id created, oldest first. */
    synchronized List<CreatedSendId> sendIds() {
        return List.copyOf(sendIds);
    }

    synchronized void clear() {
        schedules.clear();
        sendIdsByDay.clear();
        sendIds.clear();
    }

    private static final class Entry {
        JsonNode schedule;
        RecordedRequest created;
        int updates;
        boolean cancelled;

        Entry(JsonNode schedule) {
            this.schedule = schedule;
        }
    }
}
