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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.camelbraze.trigger.BrazeOperation;
import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.UserAlias;

/** Braze's rules for one entry of {@code recipients} (braze-api.md §1.2, §2.2, §4). */
final class RecipientValidator {

    /** Braze's allowed {@code prioritization} values, in its documented order. */
    static final List<String> PRIORITIZATION_VALUES = List.of("identified", "unidentified", "most_recently_updated",
            "least_recently_updated");
    private static final Set<String> IDENTIFICATION_VALUES = Set.of("identified", "unidentified");

    private RecipientValidator() {
    }

    /**
     * @param recipient the recipient
     * @param path      its position, e.g. {@code recipients[3]}
     */
    static void validate(Recipient recipient, String path, BrazeOperation operation) {
        if (recipient == null) {
            throw new BrazeValidationException(path, "a recipient must not be null");
        }
        validateIdentifier(recipient, path);
        validatePrioritization(recipient, path);
        validateSendToExistingOnly(recipient, path);
        PersonalizationLimits.check(path + ".", recipient.context(), recipient.triggerProperties(), operation);
    }

    private static void validateIdentifier(Recipient recipient, String path) {
        List<String> identifiers = new ArrayList<>();
        if (recipient.externalUserId() != null) {
            identifiers.add("external_user_id");
        }
        if (recipient.userAlias() != null) {
            identifiers.add("user_alias");
        }
        if (recipient.email() != null) {
            identifiers.add("email");
        }
        if (identifiers.isEmpty()) {
            throw new BrazeValidationException(path, "needs one identifier: external_user_id, user_alias or email");
        }
        if (identifiers.size() > 1) {
            throw new BrazeValidationException(path, "has " + String.join(" and ", identifiers)
                                                     + "; Braze allows exactly one identifier per recipient");
        }
        requireText(recipient.externalUserId(), path + ".external_user_id");
        requireText(recipient.email(), path + ".email");
        UserAlias alias = recipient.userAlias();
        if (alias != null) {
            requireText(alias.aliasName() == null ? "" : alias.aliasName(), path + ".user_alias.alias_name");
            requireText(alias.aliasLabel() == null ? "" : alias.aliasLabel(), path + ".user_alias.alias_label");
        }
    }

    /** Null is "not given" and passes; a given value must have text. */
    private static void requireText(String value, String field) {
        if (value != null && value.isBlank()) {
            throw new BrazeValidationException(field, "required");
        }
    }

    private static void validatePrioritization(Recipient recipient, String path) {
        List<String> prioritization = recipient.prioritization();
        String field = path + ".prioritization";
        if (recipient.email() == null) {
            if (prioritization != null) {
                throw new BrazeValidationException(field, "only applies to email recipients");
            }
            return;
        }
        if (prioritization == null || prioritization.isEmpty()) {
            throw new BrazeValidationException(field, "required for an email recipient, e.g. [\"unidentified\", "
                                                      + "\"most_recently_updated\"] (or set the endpoint option prioritization)");
        }
        int identificationValues = 0;
        for (int i = 0; i < prioritization.size(); i++) {
            String value = prioritization.get(i);
            if (value == null || !PRIORITIZATION_VALUES.contains(value)) {
                throw new BrazeValidationException(field + "[" + i + "]",
                        "'" + value + "' is not one of " + String.join(", ", PRIORITIZATION_VALUES));
            }
            if (IDENTIFICATION_VALUES.contains(value)) {
                identificationValues++;
            }
        }
        if (identificationValues > 1) {
            throw new BrazeValidationException(field, "at most one of identified / unidentified");
        }
    }

    private static void validateSendToExistingOnly(Recipient recipient, String path) {
        Boolean sendToExistingOnly = recipient.sendToExistingOnly();
        if (sendToExistingOnly == null) {
            return;
        }
        if (recipient.userAlias() != null) {
            throw new BrazeValidationException(path + ".send_to_existing_only",
                    "cannot be used with user_alias (Braze cannot create alias-only users here; the user must already exist)");
        }
        if (!sendToExistingOnly && (recipient.attributes() == null || recipient.attributes().isEmpty())) {
            throw new BrazeValidationException(path + ".attributes",
                    "required (non-empty) when send_to_existing_only is false: Braze creates the user from them");
        }
    }
}
