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

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelbraze.trigger.BrazeOperation;
import io.camelbraze.trigger.BrazeTriggerConfiguration;
import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.UserAlias;

/**
 * Reads a flat record (a CSV row read with {@code useMaps}, an SQL row, a flat POJO) into a recipient using the endpoint's
 * mapping options.
 * <ul>
 * <li>Identifier: the first configured identifier field with a value, in the order {@code externalIdField},
 * {@code aliasNameField} + {@code aliasLabelField}, {@code emailField}. Values are converted with {@code toString}; a blank
 * value counts as missing.</li>
 * <li>{@code contextFields} go into the recipient's {@code context} (Canvas) or {@code trigger_properties} (campaign) and
 * {@code attributeFields} into its {@code attributes}, values unchanged. Fields that are absent or null are left out, so
 * that an empty column never erases a Braze attribute (in Braze a null attribute deletes it).</li>
 * </ul>
 */
final class FlatRecordMapper {

    private final String externalIdField;
    private final String emailField;
    private final String aliasNameField;
    private final String aliasLabelField;
    private final List<String> contextFields;
    private final List<String> attributeFields;

    FlatRecordMapper(BrazeTriggerConfiguration configuration) {
        this.externalIdField = blankToNull(configuration.getExternalIdField());
        this.emailField = blankToNull(configuration.getEmailField());
        this.aliasNameField = blankToNull(configuration.getAliasNameField());
        this.aliasLabelField = blankToNull(configuration.getAliasLabelField());
        this.contextFields = fieldList(configuration.getContextFields());
        this.attributeFields = fieldList(configuration.getAttributeFields());
    }

    /**
     * @param record the record's fields
     * @param path   the recipient's position, e.g. {@code recipients[3]}
     */
    Recipient toRecipient(Map<String, Object> record, String path, BrazeOperation operation) {
        Recipient recipient = identify(record, path);
        Map<String, Object> personalization = pick(record, contextFields);
        if (personalization != null) {
            recipient = operation == BrazeOperation.campaign
                    ? recipient.withTriggerProperties(personalization) : recipient.withContext(personalization);
        }
        return recipient.withAttributes(pick(record, attributeFields));
    }

    private Recipient identify(Map<String, Object> record, String path) {
        checkAliasFieldsPaired();
        if (externalIdField == null && aliasNameField == null && emailField == null) {
            throw new BrazeValidationException("externalIdField", "flat records need an identifier field: set externalIdField,"
                                                                  + " emailField or aliasNameField + aliasLabelField");
        }
        String externalId = text(record, externalIdField);
        if (externalId != null) {
            return Recipient.externalUserId(externalId);
        }
        String aliasName = text(record, aliasNameField);
        String aliasLabel = text(record, aliasLabelField);
        if (aliasName != null && aliasLabel != null) {
            return new Recipient(null, new UserAlias(aliasName, aliasLabel), null, null, null, null, null, null);
        }
        if (aliasName != null) {
            throw new BrazeValidationException(path, "record has an alias name in '" + aliasNameField + "' but no value in '"
                                                     + aliasLabelField + "' (aliasLabelField)");
        }
        String email = text(record, emailField);
        if (email != null) {
            return Recipient.email(email);
        }
        throw new BrazeValidationException(path, "record has no value in " + describeIdentifierFields());
    }

    private void checkAliasFieldsPaired() {
        if (aliasNameField != null && aliasLabelField == null) {
            throw new BrazeValidationException("aliasLabelField", "required with aliasNameField");
        }
        if (aliasLabelField != null && aliasNameField == null) {
            throw new BrazeValidationException("aliasNameField", "required with aliasLabelField");
        }
    }

    private String describeIdentifierFields() {
        List<String> fields = new ArrayList<>();
        if (externalIdField != null) {
            fields.add("'" + externalIdField + "' (externalIdField)");
        }
        if (aliasNameField != null) {
            fields.add("'" + aliasNameField + "' (aliasNameField)");
        }
        if (emailField != null) {
            fields.add("'" + emailField + "' (emailField)");
        }
        return fields.size() == 1 ? "field " + fields.get(0) : "any of the fields " + String.join(", ", fields);
    }

    private static String text(Map<String, Object> record, String field) {
        if (field == null) {
            return null;
        }
        Object value = record.get(field);
        if (value == null) {
            return null;
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        return text.isBlank() ? null : text;
    }

    private static Map<String, Object> pick(Map<String, Object> record, List<String> fields) {
        Map<String, Object> picked = new LinkedHashMap<>();
        for (String field : fields) {
            Object value = record.get(field);
            if (value != null) {
                picked.put(field, value);
            }
        }
        return picked.isEmpty() ? null : picked;
    }

    private static List<String> fieldList(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
