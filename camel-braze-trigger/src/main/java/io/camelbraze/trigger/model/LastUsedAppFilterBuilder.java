package io.camelbraze.trigger.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Finishes a {@code last_used_app} filter started with {@link Audience#lastUsedApp()}. */
public final class LastUsedAppFilterBuilder {

    LastUsedAppFilterBuilder() {
    }

    /** Users who last used the app after the instant (written as ISO 8601 in UTC). */
    public Audience after(Instant instant) {
        return after(instant.toString());
    }

    /** Users who last used the app after the ISO 8601 datetime string. */
    public Audience after(String isoDateTime) {
        return build("after", isoDateTime);
    }

    /** Users who last used the app before the instant (written as ISO 8601 in UTC). */
    public Audience before(Instant instant) {
        return before(instant.toString());
    }

    /** Users who last used the app before the ISO 8601 datetime string. */
    public Audience before(String isoDateTime) {
        return build("before", isoDateTime);
    }

    private Audience build(String comparison, String isoDateTime) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("comparison", comparison);
        fields.put("value", isoDateTime);
        return Audience.filter("last_used_app", fields);
    }
}
