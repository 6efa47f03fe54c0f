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

import static io.camelbraze.trigger.BrazeTriggerConstants.SCHEDULE_AT_OPTIMAL_TIME;
import static io.camelbraze.trigger.BrazeTriggerConstants.SCHEDULE_IN_LOCAL_TIME;
import static io.camelbraze.trigger.BrazeTriggerConstants.SCHEDULE_TIME;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.camelbraze.trigger.BrazeAction;
import io.camelbraze.trigger.BrazeTriggerConfiguration;
import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.model.Schedule;
import io.camelbraze.trigger.model.TriggerRequest;
import io.camelbraze.trigger.schedule.ScheduleTimeResolver;
import io.camelbraze.trigger.schedule.ScheduleValidator;

/**
 * Plans the requests of an endpoint that names recipients: {@code action=send} (now) or {@code action=schedule}. Both go
 * through {@link BrazeRequestMapper} (every trigger-send rule applies); a schedule also gets its time from
 * {@link ScheduleTimeResolver}, checked by {@link ScheduleValidator}. A send endpoint refuses any schedule input, so that
 * a message meant for later never goes out now. Thread-safe.
 */
public final class SendPlanner {

    private final BrazeRequestMapper mapper;
    private final BrazeAction action;
    private final ScheduleTimeResolver times;
    private final ScheduleValidator schedules;

    public SendPlanner(BrazeTriggerConfiguration configuration, ScheduleValidator schedules) {
        this.mapper = new BrazeRequestMapper(configuration);
        this.action = configuration.getAction();
        this.times = new ScheduleTimeResolver(configuration);
        this.schedules = schedules;
    }

    /**
     * @see BrazeRequestMapper#plan(Exchange, boolean)
     * @throws BrazeValidationException before anything is sent
     */
    public SendPlan plan(Exchange exchange, boolean skipInvalid) {
        Message message = exchange.getMessage();
        if (action != BrazeAction.schedule) {
            refuseScheduleHeaders(message);
        }
        SendPlan plan = mapper.plan(exchange, skipInvalid);
        try {
            TriggerRequest template = plan.template();
            if (action != BrazeAction.schedule) {
                if (template.schedule() != null) {
                    throw notScheduling("schedule");
                }
                return plan;
            }
            schedules.validateCreate(template);
            Schedule schedule = schedules.validate(times.resolve(message, template.schedule()));
            return new SendPlan(template.withSchedule(schedule), plan.recipients(), plan.rejects());
        } catch (RuntimeException e) {
            if (plan.recipients() != null) {
                plan.recipients().close();
            }
            throw e;
        }
    }

    private static void refuseScheduleHeaders(Message message) {
        for (String header : List.of(SCHEDULE_TIME, SCHEDULE_IN_LOCAL_TIME, SCHEDULE_AT_OPTIMAL_TIME)) {
            if (message.getHeader(header) != null) {
                throw notScheduling(header);
            }
        }
    }

    private static BrazeValidationException notScheduling(String field) {
        return new BrazeValidationException(field, "this endpoint sends now (action=send); set action=schedule on the endpoint"
                                                   + " to schedule the send, or remove the schedule");
    }
}
