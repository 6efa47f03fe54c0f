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

import org.apache.camel.Exchange;

import io.camelbraze.trigger.BrazeTriggerConfiguration;
import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.schedule.ScheduleValidator;

/**
 * Builds the one request of an endpoint whose action addresses something that exists instead of naming recipients:
 * {@code updateSchedule}, {@code cancelSchedule} ({@link io.camelbraze.trigger.model.ScheduleUpdate},
 * {@link io.camelbraze.trigger.model.ScheduleCancel}) and {@code createSendId} (body of {@code /sends/id/create}).
 */
public interface SingleRequestMapper {

    /**
     * @return the request body, written as JSON by {@link BrazeJson}
     * @throws BrazeValidationException before anything is sent, naming the header, field or option at fault
     */
    Object map(Exchange exchange);

    /** The mapper for the endpoint's action, or {@code null} for actions that name recipients (send, schedule). */
    static SingleRequestMapper forAction(BrazeTriggerConfiguration configuration, ScheduleValidator schedules) {
        return switch (configuration.getAction()) {
            case updateSchedule, cancelSchedule -> new ScheduleChangeMapper(configuration, schedules);
            case createSendId -> new SendIdMapper(configuration);
            default -> null;
        };
    }
}
