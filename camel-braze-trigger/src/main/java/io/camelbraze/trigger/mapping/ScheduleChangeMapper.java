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
package io.camelbraze.trigger.mapping;

import static io.camelbraze.trigger.BrazeTriggerConstants.CAMPAIGN_ID;
import static io.camelbraze.trigger.BrazeTriggerConstants.CANVAS_ID;
import static io.camelbraze.trigger.BrazeTriggerConstants.SCHEDULE_AT_OPTIMAL_TIME;
import static io.camelbraze.trigger.BrazeTriggerConstants.SCHEDULE_ID;
import static io.camelbraze.trigger.BrazeTriggerConstants.SCHEDULE_IN_LOCAL_TIME;
import static io.camelbraze.trigger.BrazeTriggerConstants.SCHEDULE_TIME;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.camelbraze.trigger.BrazeAction;
import io.camelbraze.trigger.BrazeOperation;
import io.camelbraze.trigger.BrazeTriggerConfiguration;
import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.model.Schedule;
import io.camelbraze.trigger.model.ScheduleCancel;
import io.camelbraze.trigger.model.ScheduleUpdate;
import io.camelbraze.trigger.schedule.ScheduleTimeResolver;
import io.camelbraze.trigger.schedule.ScheduleValidator;

/**
 * The request of {@code action=updateSchedule} ({@link ScheduleUpdate}) or {@code action=cancelSchedule}
 * ({@link ScheduleCancel}).
 * <ul>
 * <li>Body: none, a {@code ScheduleUpdate} / {@code ScheduleCancel}, or a map / JSON object with {@code canvas_id} or
 * {@code campaign_id}, {@code schedule_id} and (update) {@code schedule}. Nothing else: Braze's update changes only the time,
 * so recipients, personalization and audience are refused (cancel and schedule again to change them).</li>
 * <li>Target id: header ({@code CamelBrazeCanvasId} / {@code CamelBrazeCampaignId}) &gt; body &gt; endpoint option.</li>
 * <li>Schedule id: header {@code CamelBrazeScheduleId} &gt; body {@code schedule_id}; required.</li>
 * <li>Update: the time and flags as for a schedule create ({@link ScheduleTimeResolver}); the new schedule replaces the old
 * one entirely. Cancel: no time at all.</li>
 * </ul>
 */
final class ScheduleChangeMapper implements SingleRequestMapper {

    private static final String NO_RECIPIENTS = "it changes an existing schedule, named by its schedule id; to change its"
                                                + " recipients, personalization or audience, cancel it and schedule again";

    private final BrazeTriggerConfiguration configuration;
    private final BrazeOperation operation;
    private final BrazeAction action;
    private final ScheduleTimeResolver times;
    private final ScheduleValidator schedules;

    ScheduleChangeMapper(BrazeTriggerConfiguration configuration, ScheduleValidator schedules) {
        this.configuration = configuration;
        this.operation = configuration.getOperation();
        this.action = configuration.getAction();
        this.times = new ScheduleTimeResolver(configuration);
        this.schedules = schedules;
    }

    @Override
    public Object map(Exchange exchange) {
        Message message = exchange.getMessage();
        boolean update = action == BrazeAction.updateSchedule;
        SingleRequestInputs.refuseHeaders(message, action, NO_RECIPIENTS);
        Set<String> fields = update ? Set.of("canvas_id", "campaign_id", "schedule_id", "schedule")
                : Set.of("canvas_id", "campaign_id", "schedule_id");
        Map<String, Object> body = SingleRequestInputs.objectBody(message.getBody(), action, fields, NO_RECIPIENTS);
        boolean canvas = operation == BrazeOperation.canvas;
        String targetId = SingleRequestInputs.targetId(message, body, operation.idField(),
                canvas ? "campaign_id" : "canvas_id", canvas ? CANVAS_ID : CAMPAIGN_ID, configuration.targetId());
        if (targetId == null || targetId.isBlank()) {
            throw new BrazeValidationException(operation.idField(), "required: set the endpoint option " + operation.idOption()
                                                                    + ", the header " + (canvas ? CANVAS_ID : CAMPAIGN_ID)
                                                                    + " or the body field " + operation.idField());
        }
        String scheduleId = ScheduleValidator.requireScheduleId(scheduleId(message, body));
        if (!update) {
            refuseTime(message, body);
            return canvas ? ScheduleCancel.canvas(targetId, scheduleId) : ScheduleCancel.campaign(targetId, scheduleId);
        }
        Schedule fromBody = body == null || body.get("schedule") == null ? null
                : TreeConverter.toType(Map.of("schedule", body.get("schedule")), ScheduleUpdate.class).schedule();
        Schedule schedule = schedules.validate(times.resolve(message, fromBody));
        return canvas ? ScheduleUpdate.canvas(targetId, scheduleId, schedule)
                : ScheduleUpdate.campaign(targetId, scheduleId, schedule);
    }

    private static String scheduleId(Message message, Map<String, Object> body) {
        String header = HeaderValues.text(message, SCHEDULE_ID);
        if (header != null) {
            return header;
        }
        Object fromBody = body == null ? null : body.get("schedule_id");
        if (fromBody != null && !(fromBody instanceof String)) {
            throw new BrazeValidationException("schedule_id", "must be a string");
        }
        return (String) fromBody;
    }

    /** A cancellation has no time: one given means the route meant something else (an update?). */
    private void refuseTime(Message message, Map<String, Object> body) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (String header : new String[] { SCHEDULE_TIME, SCHEDULE_IN_LOCAL_TIME, SCHEDULE_AT_OPTIMAL_TIME }) {
            if (message.getHeader(header) != null) {
                given.put(header, message.getHeader(header));
            }
        }
        if (body != null && body.containsKey("schedule")) {
            given.put("schedule", body.get("schedule"));
        }
        if (!given.isEmpty()) {
            throw new BrazeValidationException(given.keySet().iterator().next(), "action=cancelSchedule takes no time; to move the"
                                                                                 + " schedule use action=updateSchedule");
        }
    }
}
