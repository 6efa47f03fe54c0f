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

import com.fasterxml.jackson.annotation.JsonValue;

/** Subscription states a Connected Audience push or email subscription filter compares with. */
public enum SubscriptionState {
    OPTED_IN("opted_in"),
    SUBSCRIBED("subscribed"),
    UNSUBSCRIBED("unsubscribed");

    private final String brazeValue;

    SubscriptionState(String brazeValue) {
        this.brazeValue = brazeValue;
    }

    /** The value as Braze writes it, e.g. {@code opted_in}. */
    @JsonValue
    public String brazeValue() {
        return brazeValue;
    }
}
