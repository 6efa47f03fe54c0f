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
