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

import java.util.Set;

/** Braze's JSON field names, grouped the way the mapper tells a request from a recipient. */
final class BrazeFieldNames {

    static final String RECIPIENTS = "recipients";
    static final String CONTEXT = "context";
    static final String LEGACY_CONTEXT = "canvas_entry_properties";

    /** Fields only a request has: one of them makes a map a full request even if it names a user. */
    static final Set<String> REQUEST_ONLY = Set.of(RECIPIENTS, "audience", "broadcast", "canvas_id", "campaign_id", "send_id",
            "attachments", "schedule");
    /** Every top-level request field. */
    static final Set<String> REQUEST = Set.of(RECIPIENTS, "audience", "broadcast", "canvas_id", "campaign_id", "send_id",
            "attachments", "schedule", CONTEXT, LEGACY_CONTEXT, "trigger_properties");
    /** A recipient's identifiers. */
    static final Set<String> RECIPIENT_IDENTIFIERS = Set.of("external_user_id", "user_alias", "email");
    /** Every recipient field. */
    static final Set<String> RECIPIENT = Set.of("external_user_id", "user_alias", "email", "prioritization", CONTEXT,
            LEGACY_CONTEXT, "trigger_properties", "send_to_existing_only", "attributes");

    private BrazeFieldNames() {
    }

    /**
     * A full request: any top-level field, except that a map naming a user (an identifier) with no request-only field is a
     * recipient with its own context.
     */
    static boolean isRequest(Set<String> keys) {
        if (keys.stream().anyMatch(REQUEST_ONLY::contains)) {
            return true;
        }
        return keys.stream().anyMatch(REQUEST::contains) && keys.stream().noneMatch(RECIPIENT_IDENTIFIERS::contains);
    }

    /** A recipient in Braze's names: it names a user, or only has recipient fields. */
    static boolean isRecipient(Set<String> keys) {
        return keys.stream().anyMatch(RECIPIENT_IDENTIFIERS::contains) || !keys.isEmpty() && RECIPIENT.containsAll(keys);
    }
}
