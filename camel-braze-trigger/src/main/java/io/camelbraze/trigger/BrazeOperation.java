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
 * What an endpoint triggers: the URI path of {@code braze-trigger:canvas} or {@code braze-trigger:campaign}.
 */
public enum BrazeOperation {
    canvas("/canvas/trigger", "canvas_id", "context", "canvasId"),
    campaign("/campaigns/trigger", "campaign_id", "trigger_properties", "campaignId");

    private final String triggerPath;
    private final String idField;
    private final String contextField;
    private final String idOption;

    BrazeOperation(String triggerPath, String idField, String contextField, String idOption) {
        this.triggerPath = triggerPath;
        this.idField = idField;
        this.contextField = contextField;
        this.idOption = idOption;
    }

    /** REST path of the trigger send endpoint, e.g. {@code /canvas/trigger/send}. */
    public String path() {
        return triggerPath + "/send";
    }

    /** The common start of the operation's trigger paths, e.g. {@code /canvas/trigger} (send and schedule endpoints). */
    public String triggerPath() {
        return triggerPath;
    }

    /** JSON field holding the target id: {@code canvas_id} or {@code campaign_id}. */
    public String idField() {
        return idField;
    }

    /** JSON field holding personalization: {@code context} or {@code trigger_properties}. */
    public String contextField() {
        return contextField;
    }

    /** Endpoint option naming the target id: {@code canvasId} or {@code campaignId}. */
    public String idOption() {
        return idOption;
    }
}
