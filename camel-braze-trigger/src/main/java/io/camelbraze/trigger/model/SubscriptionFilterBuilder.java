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

/**
 * Finishes a {@code push_subscription_status} or {@code email_subscription_status} filter started with
 * {@link Audience#pushSubscriptionStatus()} or {@link Audience#emailSubscriptionStatus()}.
 */
public final class SubscriptionFilterBuilder {

    private final String filterType;

    SubscriptionFilterBuilder(String filterType) {
        this.filterType = filterType;
    }

    /** Users whose subscription state is {@code state}. */
    public Audience is(SubscriptionState state) {
        return build("is", state);
    }

    /** Users whose subscription state is not {@code state}. */
    public Audience isNot(SubscriptionState state) {
        return build("is_not", state);
    }

    private Audience build(String comparison, SubscriptionState state) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("comparison", comparison);
        fields.put("value", state.brazeValue());
        return Audience.filter(filterType, fields);
    }
}
