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

import java.util.Optional;

/**
 * The Braze endpoints the fake serves: the two API-triggered sends, the six schedule endpoints (create, update, delete for
 * Canvases and campaigns) and {@code /sends/id/create}.
 */
public enum BrazeEndpoint {

    /** {@code POST /canvas/trigger/send}. */
    CANVAS("/canvas/trigger/send", "canvas_id", "canvas.trigger.send", "Canvas", Kind.SEND),
    /** {@code POST /campaigns/trigger/send}. */
    CAMPAIGN("/campaigns/trigger/send", "campaign_id", "campaigns.trigger.send", "Campaign", Kind.SEND),
    /** {@code POST /canvas/trigger/schedule/create}. */
    CANVAS_SCHEDULE_CREATE("/canvas/trigger/schedule/create", "canvas_id", "canvas.trigger.schedule.create", "Canvas",
            Kind.SCHEDULE_CREATE),
    /** {@code POST /canvas/trigger/schedule/update}. */
    CANVAS_SCHEDULE_UPDATE("/canvas/trigger/schedule/update", "canvas_id", "canvas.trigger.schedule.update", "Canvas",
            Kind.SCHEDULE_UPDATE),
    /** {@code POST /canvas/trigger/schedule/delete}. */
    CANVAS_SCHEDULE_DELETE("/canvas/trigger/schedule/delete", "canvas_id", "canvas.trigger.schedule.delete", "Canvas",
            Kind.SCHEDULE_DELETE),
    /** {@code POST /campaigns/trigger/schedule/create}. */
    CAMPAIGN_SCHEDULE_CREATE("/campaigns/trigger/schedule/create", "campaign_id", "campaigns.trigger.schedule.create",
            "Campaign", Kind.SCHEDULE_CREATE),
    /** {@code POST /campaigns/trigger/schedule/update}. */
    CAMPAIGN_SCHEDULE_UPDATE("/campaigns/trigger/schedule/update", "campaign_id", "campaigns.trigger.schedule.update",
            "Campaign", Kind.SCHEDULE_UPDATE),
    /** {@code POST /campaigns/trigger/schedule/delete}. */
    CAMPAIGN_SCHEDULE_DELETE("/campaigns/trigger/schedule/delete", "campaign_id", "campaigns.trigger.schedule.delete",
            "Campaign", Kind.SCHEDULE_DELETE),
    /** {@code POST /sends/id/create}. */
    SEND_ID_CREATE("/sends/id/create", "campaign_id", "sends.id.create", "Campaign", Kind.SEND_ID_CREATE);

    /** What an endpoint does. */
    public enum Kind {
        /** A trigger send. */
        SEND,
        /** Creates a schedule; answers a {@code schedule_id}. */
        SCHEDULE_CREATE,
        /** Replaces the schedule of an existing {@code schedule_id}. */
        SCHEDULE_UPDATE,
        /** Cancels an existing {@code schedule_id}. */
        SCHEDULE_DELETE,
        /** Creates a campaign {@code send_id}. */
        SEND_ID_CREATE
    }

    private final String path;
    private final String idField;
    private final String permission;
    private final String displayName;
    private final Kind kind;

    BrazeEndpoint(String path, String idField, String permission, String displayName, Kind kind) {
        this.path = path;
        this.idField = idField;
        this.permission = permission;
        this.displayName = displayName;
        this.kind = kind;
    }

    /** The request path, e.g. {@code /canvas/trigger/send}. */
    public String path() {
        return path;
    }

    /** The JSON field that names the target, {@code canvas_id} or {@code campaign_id}. */
    public String idField() {
        return idField;
    }

    /** The REST API key permission the endpoint needs, e.g. {@code canvas.trigger.send}. */
    public String permission() {
        return permission;
    }

    /** What the endpoint does. */
    public Kind kind() {
        return kind;
    }

    /** True for the Canvas endpoints (their target is a {@code canvas_id}). */
    public boolean isCanvas() {
        return "canvas_id".equals(idField);
    }

    /** True for the endpoints whose body names recipients: the trigger sends and the schedule creates. */
    public boolean takesRecipients() {
        return kind == Kind.SEND || kind == Kind.SCHEDULE_CREATE;
    }

    /** The personalization object of a recipient and of the request: {@code context} or {@code trigger_properties}. */
    public String propertiesField() {
        return isCanvas() ? "context" : "trigger_properties";
    }

    /** "Canvas" or "Campaign", for messages. */
    public String displayName() {
        return displayName;
    }

    /** The endpoint served at {@code path} (query string ignored), if any. */
    public static Optional<BrazeEndpoint> fromPath(String path) {
        String p = path == null ? "" : path.split("\\?", 2)[0];
        for (BrazeEndpoint e : values()) {
            if (e.path.equals(p)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
