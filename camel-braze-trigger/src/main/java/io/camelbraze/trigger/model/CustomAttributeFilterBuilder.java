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
 * Finishes a {@code custom_attribute} filter started with {@link Audience#customAttribute(String)}. Which comparison suits which
 * attribute type (string, number, boolean, array, time) is Braze's table in the Connected Audience documentation.
 */
public final class CustomAttributeFilterBuilder implements TimeComparisons {

    private final String attributeName;

    CustomAttributeFilterBuilder(String attributeName) {
        this.attributeName = attributeName;
    }

    /** Any comparison by its Braze name; {@code value} null leaves {@code value} out (as for {@code exists}). */
    public Audience comparison(String comparison, Object value) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("custom_attribute_name", attributeName);
        fields.put("comparison", comparison);
        fields.put("value", value);
        return Audience.filter("custom_attribute", fields);
    }

    /** {@code equals} a string. */
    public Audience equalTo(String value) {
        return comparison("equals", value);
    }

    /** {@code equals} a number. */
    public Audience equalTo(Number value) {
        return comparison("equals", value);
    }

    /** {@code equals} a boolean. */
    public Audience equalTo(boolean value) {
        return comparison("equals", value);
    }

    /** {@code not_equal} (strings and numbers; booleans use {@link #doesNotEqual(boolean)}). */
    public Audience notEqual(String value) {
        return comparison("not_equal", value);
    }

    /** {@code not_equal} (strings and numbers; booleans use {@link #doesNotEqual(boolean)}). */
    public Audience notEqual(Number value) {
        return comparison("not_equal", value);
    }

    /** {@code does_not_equal}: the boolean form of not-equal. */
    public Audience doesNotEqual(boolean value) {
        return comparison("does_not_equal", value);
    }

    /** {@code matches_regex}. */
    public Audience matchesRegex(String regex) {
        return comparison("matches_regex", regex);
    }

    /** {@code does_not_match_regex}. */
    public Audience doesNotMatchRegex(String regex) {
        return comparison("does_not_match_regex", regex);
    }

    /** {@code exists} (no value). */
    public Audience exists() {
        return comparison("exists", null);
    }

    /** {@code does_not_exist} (no value). */
    public Audience doesNotExist() {
        return comparison("does_not_exist", null);
    }

    /** {@code includes_value} (array attributes). */
    public Audience includesValue(Object value) {
        return comparison("includes_value", value);
    }

    /** {@code does_not_include_value} (array attributes). */
    public Audience doesNotIncludeValue(Object value) {
        return comparison("does_not_include_value", value);
    }

    /** {@code greater_than}. */
    public Audience greaterThan(Number value) {
        return comparison("greater_than", value);
    }

    /** {@code greater_than_or_equal_to}. */
    public Audience greaterThanOrEqualTo(Number value) {
        return comparison("greater_than_or_equal_to", value);
    }

    /** {@code less_than}. */
    public Audience lessThan(Number value) {
        return comparison("less_than", value);
    }

    /** {@code less_than_or_equal_to}. */
    public Audience lessThanOrEqualTo(Number value) {
        return comparison("less_than_or_equal_to", value);
    }

    /** {@code less_than_x_days_ago} (time attributes). */
    public Audience lessThanXDaysAgo(int days) {
        return comparison("less_than_x_days_ago", days);
    }

    /** {@code greater_than_x_days_ago} (time attributes). */
    public Audience greaterThanXDaysAgo(int days) {
        return comparison("greater_than_x_days_ago", days);
    }

    /** {@code less_than_x_days_in_the_future} (time attributes). */
    public Audience lessThanXDaysInTheFuture(int days) {
        return comparison("less_than_x_days_in_the_future", days);
    }

    /** {@code greater_than_x_days_in_the_future} (time attributes). */
    public Audience greaterThanXDaysInTheFuture(int days) {
        return comparison("greater_than_x_days_in_the_future", days);
    }

    /** {@code after} (time attributes). */
    @Override
    public Audience after(String isoDateTime) {
        return comparison("after", isoDateTime);
    }

    /** {@code before} (time attributes). */
    @Override
    public Audience before(String isoDateTime) {
        return comparison("before", isoDateTime);
    }
}
