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
package io.camelbraze.trigger.test;

import static io.camelbraze.trigger.test.RuleViolation.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The Connected Audience grammar (braze-api.md §3): a single filter, or {@code {"AND": [...]}} / {@code {"OR": [...]}}
 * of nodes, nested freely. Filters: {@code custom_attribute}, {@code push_subscription_status},
 * {@code email_subscription_status}, {@code last_used_app}.
 */
final class AudienceRules {

    private static final Set<String> SUBSCRIPTION_STATES = Set.of("opted_in", "subscribed", "unsubscribed");
    private static final Set<String> NO_VALUE = Set.of("exists", "does_not_exist");
    private static final Set<String> DATE_VALUE = Set.of("after", "before");
    private static final Set<String> DAYS_VALUE = Set.of("less_than_x_days_ago", "greater_than_x_days_ago",
            "less_than_x_days_in_the_future", "greater_than_x_days_in_the_future");
    private static final Set<String> REGEX_VALUE = Set.of("matches_regex", "does_not_match_regex");
    private static final Set<String> NUMBER_VALUE = Set.of("greater_than", "greater_than_or_equal_to", "less_than",
            "less_than_or_equal_to");
    private static final Set<String> SCALAR_VALUE = Set.of("equals", "not_equal", "includes_value",
            "does_not_include_value", "does_not_equal");

    /** ISO 8601 date-time with an optional offset written {@code Z}, {@code +00:00} or {@code +0000}. */
    private static final DateTimeFormatter ISO_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private AudienceRules() {
    }

    /** Throws {@link RuleViolation} when {@code audience} is not a valid Connected Audience object. */
    static void validate(JsonNode audience) {
        node(audience, "audience");
    }

    private static void node(JsonNode node, String where) {
        check(node.isObject() && node.size() == 1, where + " must be an object with exactly one filter or AND/OR");
        Map.Entry<String, JsonNode> only = node.fields().next();
        String key = only.getKey();
        JsonNode value = only.getValue();
        switch (key) {
            case "AND", "OR" -> logical(key, value, where);
            case "custom_attribute" -> customAttribute(value, where + ".custom_attribute");
            case "push_subscription_status", "email_subscription_status" -> subscription(value, where + "." + key);
            case "last_used_app" -> lastUsedApp(value, where + ".last_used_app");
            default -> throw new RuleViolation(where + ": unknown audience filter '" + key + "'");
        }
    }

    private static void logical(String operator, JsonNode operands, String where) {
        check(operands.isArray() && !operands.isEmpty(), where + "." + operator + " must be a non-empty array");
        int i = 0;
        for (JsonNode operand : operands) {
            node(operand, where + "." + operator + "[" + i++ + "]");
        }
    }

    private static void customAttribute(JsonNode filter, String where) {
        onlyFields(filter, where, Set.of("custom_attribute_name", "comparison", "value"));
        JsonNode name = filter.get("custom_attribute_name");
        check(name != null && name.isTextual() && !name.asText().isBlank(), where + ".custom_attribute_name must be a non-empty string");
        String comparison = comparison(filter, where);
        JsonNode value = filter.get("value");
        if (NO_VALUE.contains(comparison)) {
            check(value == null, where + ": value must be omitted for " + comparison);
        } else if (DATE_VALUE.contains(comparison)) {
            isoDateTime(value, where);
        } else if (DAYS_VALUE.contains(comparison)) {
            check(value != null && value.isNumber(), where + ": value must be a number of days for " + comparison);
        } else if (REGEX_VALUE.contains(comparison)) {
            check(value != null && value.isTextual() && isRegex(value.asText()), where + ": value must be a regular expression string for " + comparison);
        } else if (NUMBER_VALUE.contains(comparison)) {
            check(value != null && value.isNumber(), where + ": value must be a number for " + comparison);
        } else if ("does_not_equal".equals(comparison)) {
            check(value != null && value.isBoolean(), where + ": does_not_equal is for boolean attributes (use not_equal otherwise)");
        } else if (SCALAR_VALUE.contains(comparison)) {
            check(value != null && value.isValueNode() && !value.isNull(), where + ": value must be a string, number or boolean for " + comparison);
        } else {
            throw new RuleViolation(where + ": unknown comparison '" + comparison + "'");
        }
    }

    private static void subscription(JsonNode filter, String where) {
        onlyFields(filter, where, Set.of("comparison", "value"));
        String comparison = comparison(filter, where);
        check(comparison.equals("is") || comparison.equals("is_not"), where + ": comparison must be is or is_not");
        JsonNode value = filter.get("value");
        check(value != null && SUBSCRIPTION_STATES.contains(value.asText()) && value.isTextual(),
                where + ": value must be one of opted_in, subscribed, unsubscribed");
    }

    private static void lastUsedApp(JsonNode filter, String where) {
        onlyFields(filter, where, Set.of("comparison", "value"));
        String comparison = comparison(filter, where);
        check(DATE_VALUE.contains(comparison), where + ": comparison must be after or before");
        isoDateTime(filter.get("value"), where);
    }

    private static String comparison(JsonNode filter, String where) {
        JsonNode comparison = filter.get("comparison");
        check(comparison != null && comparison.isTextual(), where + ".comparison must be a string");
        return comparison.asText();
    }

    private static void onlyFields(JsonNode filter, String where, Set<String> allowed) {
        check(filter.isObject(), where + " must be an object");
        for (Iterator<String> names = filter.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            check(allowed.contains(name), where + ": unknown field '" + name + "'");
        }
    }

    private static void isoDateTime(JsonNode value, String where) {
        check(value != null && value.isTextual(), where + ": value must be an ISO 8601 date-time string");
        try {
            ISO_DATE_TIME.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new RuleViolation(where + ": value must be an ISO 8601 date-time string");
        }
    }

    private static boolean isRegex(String text) {
        try {
            Pattern.compile(text);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
