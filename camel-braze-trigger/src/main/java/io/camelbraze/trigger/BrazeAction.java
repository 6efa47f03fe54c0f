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
package io.camelbraze.trigger;

/**
 * What an endpoint asks Braze to do with its Canvas or campaign (endpoint option {@code action}).
 */
public enum BrazeAction {

    /** Send now: {@code POST /canvas/trigger/send}, {@code POST /campaigns/trigger/send}. */
    send("send"),
    /** Schedule a send: {@code POST …/trigger/schedule/create}; Braze answers a {@code schedule_id}. */
    schedule("schedule/create"),
    /** Move an existing schedule: {@code POST …/trigger/schedule/update}. */
    updateSchedule("schedule/update"),
    /** Cancel an existing schedule: {@code POST …/trigger/schedule/delete}. */
    cancelSchedule("schedule/delete"),
    /** Create a campaign send id: {@code POST /sends/id/create} (campaigns only; at most 100 a day per workspace). */
    createSendId(null);

    /** Braze's send-id endpoint. */
    public static final String SEND_ID_PATH = "/sends/id/create";

    private final String triggerSuffix;

    BrazeAction(String triggerSuffix) {
        this.triggerSuffix = triggerSuffix;
    }

    /** The REST path this action posts to for the operation, e.g. {@code /canvas/trigger/schedule/create}. */
    public String path(BrazeOperation operation) {
        return this == createSendId ? SEND_ID_PATH : operation.triggerPath() + "/" + triggerSuffix;
    }

    /** True when the action names recipients (a send or a schedule create); the others address one existing object. */
    public boolean takesRecipients() {
        return this == send || this == schedule;
    }

    /** True when the action carries a schedule time: {@link #schedule} and {@link #updateSchedule}. */
    public boolean takesScheduleTime() {
        return this == schedule || this == updateSchedule;
    }
}
