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
package io.camelbraze.trigger.mapping;

import java.util.Map;

import io.camelbraze.trigger.BrazeOperation;
import io.camelbraze.trigger.BrazeValidationException;

/**
 * Rules shared by the top-level and the per-recipient personalization objects ({@code context} on a Canvas,
 * {@code trigger_properties} on a campaign).
 */
final class PersonalizationLimits {

    /** Braze's limit for {@code context} / {@code trigger_properties}: 50 KB of serialised JSON. */
    static final int MAX_BYTES = 50 * 1024;

    private PersonalizationLimits() {
    }

    /**
     * Refuses the object that does not belong to the operation, and checks the size of the one that does.
     *
     * @param prefix            path of the owning object with a trailing dot ({@code ""} or {@code "recipients[3]."})
     * @param context           the {@code context} found there
     * @param triggerProperties the {@code trigger_properties} found there
     */
    static void check(String prefix, Map<String, Object> context, Map<String, Object> triggerProperties,
                      BrazeOperation operation) {
        if (operation == BrazeOperation.campaign && context != null) {
            throw new BrazeValidationException(prefix + "context",
                    "context (or its legacy name canvas_entry_properties) is a Canvas field; a campaign takes trigger_properties");
        }
        if (operation == BrazeOperation.canvas && triggerProperties != null) {
            throw new BrazeValidationException(prefix + "trigger_properties",
                    "trigger_properties is a campaign field; a Canvas takes context");
        }
        Map<String, Object> personalization = operation == BrazeOperation.campaign ? triggerProperties : context;
        if (personalization != null) {
            int size = serializedSize(prefix + operation.contextField(), personalization);
            if (size > MAX_BYTES) {
                throw new BrazeValidationException(prefix + operation.contextField(),
                        size + " bytes of JSON; Braze allows at most " + MAX_BYTES + " (50 KB)");
            }
        }
    }

    private static int serializedSize(String field, Map<String, Object> personalization) {
        try {
            return BrazeJson.writeBytes(personalization).length;
        } catch (IllegalArgumentException e) {
            throw new BrazeValidationException(field, "cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
