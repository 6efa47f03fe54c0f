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

import io.camelbraze.trigger.BrazeAction;
import io.camelbraze.trigger.BrazeOperation;
import io.camelbraze.trigger.BrazeTriggerConfiguration;
import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.InvalidRecords;

/**
 * Checks, when an endpoint is created, that its options fit its {@code action}, so that a misconfigured route fails at
 * start instead of sending something else than meant: schedule options only where there is a schedule, recipient options
 * only where there are recipients, send ids only on campaigns.
 */
public final class ActionOptions {

    private ActionOptions() {
    }

    /**
     * @throws IllegalArgumentException naming the option
     */
    public static void validate(BrazeTriggerConfiguration configuration) {
        BrazeAction action = configuration.getAction();
        if (action == null) {
            throw new IllegalArgumentException("Option action must be one of send, schedule, updateSchedule, cancelSchedule,"
                                               + " createSendId");
        }
        if (action == BrazeAction.createSendId && configuration.getOperation() == BrazeOperation.canvas) {
            throw new IllegalArgumentException("Option action=createSendId is valid on campaign endpoints only (send ids exist for"
                                               + " campaigns): use braze-trigger:campaign?campaignId=...&action=createSendId");
        }
        validateSchedule(configuration, action);
        if (action != BrazeAction.send && configuration.getBatchSize() > 1) {
            throw new IllegalArgumentException("Option batchSize applies to action=send only: with action=" + action
                                               + " each exchange must be a request of its own, so that its schedule can be"
                                               + " changed or cancelled without touching other exchanges'");
        }
        if (!action.takesRecipients()) {
            String noRecipients = " has no effect with action=" + action + ", which takes no recipients";
            refuse(configuration.isBroadcast(), "broadcast", noRecipients);
            refuse(configuration.hasFieldMapping(), "externalIdField / emailField / aliasNameField / aliasLabelField / contextFields"
                                                    + " / attributeFields", noRecipients);
            refuse(configuration.getSendToExistingOnly() != null, "sendToExistingOnly", noRecipients);
            refuse(configuration.getPrioritization() != null, "prioritization", noRecipients);
            refuse(configuration.getInvalidRecords() == InvalidRecords.skip, "invalidRecords=skip", noRecipients);
        }
        if (action == BrazeAction.updateSchedule || action == BrazeAction.cancelSchedule) {
            refuse(configuration.getSendId() != null, "sendId",
                    " has no effect with action=" + action + ": Braze's schedule update and delete take no send_id");
        }
    }

    private static void validateSchedule(BrazeTriggerConfiguration configuration, BrazeAction action) {
        if (!action.takesScheduleTime()) {
            String noSchedule = " applies only with action=schedule or updateSchedule, not action=" + action;
            refuse(configuration.getScheduleTime() != null, "scheduleTime", noSchedule);
            refuse(configuration.isInLocalTime(), "inLocalTime", noSchedule);
            refuse(configuration.isAtOptimalTime(), "atOptimalTime", noSchedule);
        }
        refuse(configuration.isInLocalTime() && configuration.isAtOptimalTime(), "inLocalTime and atOptimalTime",
                " are exclusive: set only one");
        if (configuration.getScheduleTime() != null) {
            try {
                ScheduleTimeResolver.parse(configuration.getScheduleTime(), "scheduleTime");
            } catch (BrazeValidationException e) {
                throw new IllegalArgumentException("Option " + e.getMessage(), e);
            }
        }
    }

    private static void refuse(boolean set, String option, String why) {
        if (set) {
            throw new IllegalArgumentException("Option " + option + why);
        }
    }
}
