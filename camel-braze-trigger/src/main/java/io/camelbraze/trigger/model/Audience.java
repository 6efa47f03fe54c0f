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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A Connected Audience filter ({@code audience}): a single filter or an {@code AND} / {@code OR} of filters, kept as the JSON
 * tree Braze expects and written as is. Build one with the static methods, e.g.
 *
 * <pre>{@code
 * Audience.and(
 *         Audience.customAttribute("eye_color").equalTo("blue"),
 *         Audience.or(Audience.pushSubscriptionStatus().is(SubscriptionState.OPTED_IN),
 *                     Audience.lastUsedApp().after(Instant.parse("2019-07-22T13:17:55Z"))))
 * }</pre>
 *
 * or read one from Braze JSON with {@link #fromMap(Map)}. The grammar and comparisons are checked by
 * {@link io.camelbraze.trigger.mapping.BrazeRequestValidator}, so a tree read from input may be invalid until validated.
 * Two audiences are equal when their trees are.
 */
public final class Audience {

    /** Key of a conjunction node. */
    public static final String AND = "AND";
    /** Key of a disjunction node. */
    public static final String OR = "OR";

    private final Map<String, Object> tree;

    private Audience(Map<String, Object> tree) {
        this.tree = tree;
    }

    /** An audience from its JSON tree (maps, lists and scalars, as Jackson reads them); the tree is copied. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Audience fromMap(Map<String, ?> tree) {
        Objects.requireNonNull(tree, "tree");
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) deepCopy(tree);
        return new Audience(copy);
    }

    /** Users matching every one of the parts. */
    public static Audience and(Audience... parts) {
        return and(Arrays.asList(parts));
    }

    /** Users matching every one of the parts. */
    public static Audience and(List<Audience> parts) {
        return combine(AND, parts);
    }

    /** Users matching at least one of the parts. */
    public static Audience or(Audience... parts) {
        return or(Arrays.asList(parts));
    }

    /** Users matching at least one of the parts. */
    public static Audience or(List<Audience> parts) {
        return combine(OR, parts);
    }

    /** Starts a {@code custom_attribute} filter on the named custom attribute. */
    public static CustomAttributeFilterBuilder customAttribute(String attributeName) {
        return new CustomAttributeFilterBuilder(attributeName);
    }

    /** Starts a {@code push_subscription_status} filter. */
    public static SubscriptionFilterBuilder pushSubscriptionStatus() {
        return new SubscriptionFilterBuilder("push_subscription_status");
    }

    /** Starts an {@code email_subscription_status} filter. */
    public static SubscriptionFilterBuilder emailSubscriptionStatus() {
        return new SubscriptionFilterBuilder("email_subscription_status");
    }

    /** Starts a {@code last_used_app} filter. */
    public static LastUsedAppFilterBuilder lastUsedApp() {
        return new LastUsedAppFilterBuilder();
    }

    /** A one-key filter object {@code {filterType: {fields...}}}; null field values are left out. */
    static Audience filter(String filterType, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        fields.forEach((key, value) -> {
            if (value != null) {
                body.put(key, value);
            }
        });
        return fromMap(Map.of(filterType, body));
    }

    private static Audience combine(String operator, List<Audience> parts) {
        Objects.requireNonNull(parts, "parts");
        List<Object> nodes = new ArrayList<>(parts.size());
        for (Audience part : parts) {
            nodes.add(Objects.requireNonNull(part, "an audience part is null").tree);
        }
        return fromMap(Map.of(operator, nodes));
    }

    private static Object deepCopy(Object node) {
        if (node instanceof Audience audience) {
            return audience.tree;
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(String.valueOf(key), deepCopy(value)));
            return Collections.unmodifiableMap(copy);
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(value -> copy.add(deepCopy(value)));
            return Collections.unmodifiableList(copy);
        }
        return node;
    }

    /** The JSON tree, read-only: exactly what is sent as {@code audience}. */
    @JsonValue
    public Map<String, Object> toMap() {
        return tree;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Audience that && tree.equals(that.tree);
    }

    @Override
    public int hashCode() {
        return tree.hashCode();
    }

    @Override
    public String toString() {
        return "Audience" + tree;
    }
}
