package io.camelbraze.trigger.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Finishes a {@code last_used_app} filter started with {@link Audience#lastUsedApp()}. */
public final class LastUsedAppFilterBuilder implements TimeComparisons {

    LastUsedAppFilterBuilder() {
    }

    /** Users who last used the app after the ISO 8601 datetime. */
    @Override
    public Audience after(String isoDateTime) {
        return build("after", isoDateTime);
    }

    /** Users who last used the app before the ISO 8601 datetime. */
    @Override
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
