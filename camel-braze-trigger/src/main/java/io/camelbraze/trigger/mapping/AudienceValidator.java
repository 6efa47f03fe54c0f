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

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.model.Audience;

/**
 * Checks a Connected Audience tree against Braze's grammar (a one-key filter object, or {@code AND} / {@code OR} over a
 * non-empty list of nodes) and its comparison table. A comparison is accepted when Braze allows it for any attribute type,
 * since the attribute's type is only known to Braze.
 */
final class AudienceValidator {

    private static final Set<String> FILTER_TYPES = Set.of("custom_attribute", "push_subscription_status",
            "email_subscription_status", "last_used_app", Audience.AND, Audience.OR);
    private static final Set<String> NO_VALUE = Set.of("exists", "does_not_exist");
    private static final Set<String> NUMBER_VALUE = Set.of("greater_than", "greater_than_or_equal_to", "less_than",
            "less_than_or_equal_to", "less_than_x_days_ago", "greater_than_x_days_ago", "less_than_x_days_in_the_future",
            "greater_than_x_days_in_the_future");
    private static final Set<String> STRING_VALUE = Set.of("matches_regex", "does_not_match_regex", "after", "before");
    private static final Set<String> DATE_VALUE = Set.of("after", "before");
    private static final Set<String> STRING_OR_NUMBER_VALUE = Set.of("not_equal");
    private static final Set<String> BOOLEAN_VALUE = Set.of("does_not_equal");
    private static final Set<String> SCALAR_VALUE = Set.of("equals", "includes_value", "does_not_include_value");
    private static final Set<String> CUSTOM_ATTRIBUTE_FIELDS = Set.of("custom_attribute_name", "comparison", "value");
    private static final Set<String> COMPARISON_VALUE_FIELDS = Set.of("comparison", "value");
    private static final List<String> SUBSCRIPTION_COMPARISONS = List.of("is", "is_not");
    private static final List<String> SUBSCRIPTION_VALUES = List.of("opted_in", "subscribed", "unsubscribed");
    private static final List<String> LAST_USED_APP_COMPARISONS = List.of("after", "before");
    private static final Pattern ISO_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?"
                                                                 + "(Z|[+-]\\d{2}:?\\d{2})?)?");

    private AudienceValidator() {
    }

    static void validate(Audience audience, String path) {
        validateNode(audience.toMap(), path);
    }

    private static void validateNode(Object node, String path) {
        if (!(node instanceof Map<?, ?> map)) {
            throw new BrazeValidationException(path, "must be a filter object, found " + describe(node));
        }
        if (map.size() != 1) {
            throw new BrazeValidationException(path, "a filter object has exactly one key (the filter type), found " + map.keySet()
                                                     + "; combine filters with AND / OR");
        }
        Map.Entry<?, ?> entry = map.entrySet().iterator().next();
        String type = String.valueOf(entry.getKey());
        String typePath = path + "." + type;
        switch (type) {
            case Audience.AND, Audience.OR -> validateCombination(entry.getValue(), typePath);
            case "custom_attribute" -> validateCustomAttribute(fields(entry.getValue(), typePath, CUSTOM_ATTRIBUTE_FIELDS), typePath);
            case "push_subscription_status", "email_subscription_status" -> validateChoice(
                    fields(entry.getValue(), typePath, COMPARISON_VALUE_FIELDS), typePath, SUBSCRIPTION_COMPARISONS,
                    SUBSCRIPTION_VALUES);
            case "last_used_app" -> validateLastUsedApp(fields(entry.getValue(), typePath, COMPARISON_VALUE_FIELDS), typePath);
            default -> throw new BrazeValidationException(path, "unknown filter type '" + type + "'; Connected Audience supports "
                                                                + String.join(", ", FILTER_TYPES.stream().sorted().toList()));
        }
    }

    private static void validateCombination(Object nodes, String path) {
        if (!(nodes instanceof List<?> list) || list.isEmpty()) {
            throw new BrazeValidationException(path, "must be a non-empty array of filters");
        }
        for (int i = 0; i < list.size(); i++) {
            validateNode(list.get(i), path + "[" + i + "]");
        }
    }

    private static Map<?, ?> fields(Object body, String path, Set<String> allowed) {
        if (!(body instanceof Map<?, ?> map)) {
            throw new BrazeValidationException(path, "must be an object, found " + describe(body));
        }
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw new BrazeValidationException(path + "." + key, "unknown field; allowed: " + allowed.stream().sorted().toList());
            }
        }
        return map;
    }

    private static void validateCustomAttribute(Map<?, ?> filter, String path) {
        Object name = filter.get("custom_attribute_name");
        if (!(name instanceof String text) || text.isBlank()) {
            throw new BrazeValidationException(path + ".custom_attribute_name", "required (a non-blank string)");
        }
        String comparison = comparison(filter, path, null);
        String valuePath = path + ".value";
        boolean hasValue = filter.containsKey("value");
        Object value = filter.get("value");
        if (NO_VALUE.contains(comparison)) {
            if (hasValue) {
                throw new BrazeValidationException(valuePath, "must be omitted for comparison " + comparison);
            }
            return;
        }
        if (!hasValue || value == null) {
            throw new BrazeValidationException(valuePath, "required for comparison " + comparison);
        }
        if (NUMBER_VALUE.contains(comparison) && !(value instanceof Number)) {
            throw new BrazeValidationException(valuePath, "must be a number for comparison " + comparison);
        }
        if (STRING_VALUE.contains(comparison) && !(value instanceof String)) {
            throw new BrazeValidationException(valuePath, "must be a string for comparison " + comparison);
        }
        if (DATE_VALUE.contains(comparison) && !ISO_DATE_TIME.matcher((String) value).matches()) {
            throw new BrazeValidationException(valuePath, "must be an ISO 8601 datetime for comparison " + comparison);
        }
        if (STRING_OR_NUMBER_VALUE.contains(comparison) && !(value instanceof String || value instanceof Number)) {
            throw new BrazeValidationException(valuePath, "must be a string or a number for comparison " + comparison
                                                          + " (booleans use does_not_equal)");
        }
        if (BOOLEAN_VALUE.contains(comparison) && !(value instanceof Boolean)) {
            throw new BrazeValidationException(valuePath, "must be a boolean for comparison " + comparison
                                                          + " (strings and numbers use not_equal)");
        }
        if (SCALAR_VALUE.contains(comparison) && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new BrazeValidationException(valuePath, "must be a string, number or boolean for comparison " + comparison);
        }
    }

    private static void validateChoice(Map<?, ?> filter, String path, List<String> comparisons, List<String> values) {
        comparison(filter, path, comparisons);
        Object value = filter.get("value");
        if (!(value instanceof String name) || !values.contains(name)) {
            throw new BrazeValidationException(path + ".value", "must be one of " + values + ", found " + describe(value));
        }
    }

    private static void validateLastUsedApp(Map<?, ?> filter, String path) {
        comparison(filter, path, LAST_USED_APP_COMPARISONS);
        Object value = filter.get("value");
        if (!(value instanceof String text) || !ISO_DATE_TIME.matcher(text).matches()) {
            throw new BrazeValidationException(path + ".value", "must be an ISO 8601 datetime string, found " + describe(value));
        }
    }

    /** The comparison, checked against {@code allowed}, or against every custom-attribute comparison when null. */
    private static String comparison(Map<?, ?> filter, String path, List<String> allowed) {
        Object comparison = filter.get("comparison");
        // Set.of / List.of throw on contains(null): test the type first
        boolean known = comparison instanceof String name
                        && (allowed == null ? isCustomAttributeComparison(name) : allowed.contains(name));
        if (!known) {
            String expected = allowed == null ? "a Connected Audience custom attribute comparison (equals, not_equal, ...)"
                    : "one of " + allowed;
            throw new BrazeValidationException(path + ".comparison", "must be " + expected + ", found " + describe(comparison));
        }
        return (String) comparison;
    }

    private static boolean isCustomAttributeComparison(String comparison) {
        return NO_VALUE.contains(comparison) || NUMBER_VALUE.contains(comparison) || STRING_VALUE.contains(comparison)
               || STRING_OR_NUMBER_VALUE.contains(comparison) || BOOLEAN_VALUE.contains(comparison)
               || SCALAR_VALUE.contains(comparison);
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof String text) {
            return "'" + text + "'";
        }
        return value instanceof Map || value instanceof List ? BrazeJson.write(value) : String.valueOf(value);
    }
}
