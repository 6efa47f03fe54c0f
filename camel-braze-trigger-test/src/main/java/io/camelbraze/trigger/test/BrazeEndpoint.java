package io.camelbraze.trigger.test;

import java.util.Optional;

/** The two Braze API-triggered send endpoints the fake serves. */
public enum BrazeEndpoint {

    /** {@code POST /canvas/trigger/send}. */
    CANVAS("/canvas/trigger/send", "canvas_id", "canvas.trigger.send", "Canvas"),
    /** {@code POST /campaigns/trigger/send}. */
    CAMPAIGN("/campaigns/trigger/send", "campaign_id", "campaigns.trigger.send", "Campaign");

    private final String path;
    private final String idField;
    private final String permission;
    private final String displayName;

    BrazeEndpoint(String path, String idField, String permission, String displayName) {
        this.path = path;
        this.idField = idField;
        this.permission = permission;
        this.displayName = displayName;
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

    /** The personalization object of a recipient and of the request: {@code context} or {@code trigger_properties}. */
    public String propertiesField() {
        return this == CANVAS ? "context" : "trigger_properties";
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
