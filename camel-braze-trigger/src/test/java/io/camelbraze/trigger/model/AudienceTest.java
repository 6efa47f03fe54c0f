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

import static io.camelbraze.trigger.model.JsonTrees.assertWritesAs;
import static io.camelbraze.trigger.model.JsonTrees.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AudienceTest {

    private static String customAttribute(String comparison, String valueJson) {
        return "{'custom_attribute':{'custom_attribute_name':'a','comparison':'" + comparison + "'"
               + (valueJson == null ? "" : ",'value':" + valueJson) + "}}";
    }

    @Test
    void documentedExampleIsBuiltExactly() {
        Audience audience = Audience.and(
                Audience.customAttribute("eye_color").equalTo("blue"),
                Audience.customAttribute("favorite_foods").includesValue("pizza"),
                Audience.or(Audience.customAttribute("last_purchase_time").lessThanXDaysAgo(2),
                            Audience.pushSubscriptionStatus().is(SubscriptionState.OPTED_IN)),
                Audience.emailSubscriptionStatus().isNot(SubscriptionState.UNSUBSCRIBED),
                Audience.lastUsedApp().after("2019-07-22T13:17:55+0000"));

        assertWritesAs(audience, """
                {'AND':[
                  {'custom_attribute':{'custom_attribute_name':'eye_color','comparison':'equals','value':'blue'}},
                  {'custom_attribute':{'custom_attribute_name':'favorite_foods','comparison':'includes_value','value':'pizza'}},
                  {'OR':[
                    {'custom_attribute':{'custom_attribute_name':'last_purchase_time','comparison':'less_than_x_days_ago','value':2}},
                    {'push_subscription_status':{'comparison':'is','value':'opted_in'}}]},
                  {'email_subscription_status':{'comparison':'is_not','value':'unsubscribed'}},
                  {'last_used_app':{'comparison':'after','value':'2019-07-22T13:17:55+0000'}}]}""");
    }

    @Test
    void everyCustomAttributeComparisonHasItsBrazeName() {
        CustomAttributeFilterBuilder a = Audience.customAttribute("a");
        Instant instant = Instant.parse("2024-05-01T10:00:00Z");
        Map<Audience, String> expected = new java.util.LinkedHashMap<>();
        expected.put(a.equalTo(3), customAttribute("equals", "3"));
        expected.put(a.equalTo(true), customAttribute("equals", "true"));
        expected.put(a.notEqual("x"), customAttribute("not_equal", "'x'"));
        expected.put(a.notEqual(2.5), customAttribute("not_equal", "2.5"));
        expected.put(a.doesNotEqual(false), customAttribute("does_not_equal", "false"));
        expected.put(a.matchesRegex("^a"), customAttribute("matches_regex", "'^a'"));
        expected.put(a.doesNotMatchRegex("^b"), customAttribute("does_not_match_regex", "'^b'"));
        expected.put(a.exists(), customAttribute("exists", null));
        expected.put(a.doesNotExist(), customAttribute("does_not_exist", null));
        expected.put(a.doesNotIncludeValue("x"), customAttribute("does_not_include_value", "'x'"));
        expected.put(a.greaterThan(1), customAttribute("greater_than", "1"));
        expected.put(a.greaterThanOrEqualTo(2), customAttribute("greater_than_or_equal_to", "2"));
        expected.put(a.lessThan(3), customAttribute("less_than", "3"));
        expected.put(a.lessThanOrEqualTo(4), customAttribute("less_than_or_equal_to", "4"));
        expected.put(a.greaterThanXDaysAgo(5), customAttribute("greater_than_x_days_ago", "5"));
        expected.put(a.lessThanXDaysInTheFuture(6), customAttribute("less_than_x_days_in_the_future", "6"));
        expected.put(a.greaterThanXDaysInTheFuture(7), customAttribute("greater_than_x_days_in_the_future", "7"));
        expected.put(a.after(instant), customAttribute("after", "'2024-05-01T10:00:00Z'"));
        expected.put(a.before(instant), customAttribute("before", "'2024-05-01T10:00:00Z'"));
        expected.put(a.before("2024-05-01"), customAttribute("before", "'2024-05-01'"));

        expected.forEach(JsonTrees::assertWritesAs);
        assertThat(expected).hasSize(20);
    }

    @Test
    void lastUsedAppAndSubscriptionFilters() {
        assertWritesAs(Audience.lastUsedApp().before(Instant.parse("2020-01-02T03:04:05Z")),
                "{'last_used_app':{'comparison':'before','value':'2020-01-02T03:04:05Z'}}");
        assertWritesAs(Audience.pushSubscriptionStatus().isNot(SubscriptionState.SUBSCRIBED),
                "{'push_subscription_status':{'comparison':'is_not','value':'subscribed'}}");
    }

    @Test
    void readsFromJsonAndMapAndIsEqualByTree() {
        String json = "{'OR':[{'custom_attribute':{'custom_attribute_name':'n','comparison':'greater_than','value':3}},"
                      + "{'email_subscription_status':{'comparison':'is','value':'subscribed'}}]}";
        Audience built = Audience.or(Audience.customAttribute("n").greaterThan(3),
                Audience.emailSubscriptionStatus().is(SubscriptionState.SUBSCRIBED));

        Audience read = read(json, Audience.class);

        assertThat(read).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(Audience.fromMap(built.toMap())).isEqualTo(built);
        assertThat(read).isNotEqualTo(Audience.and(Audience.customAttribute("n").greaterThan(3)));
        assertWritesAs(read, json);
    }

    @Test
    void treeIsACopyAndReadOnly() {
        Map<String, Object> filter = new java.util.HashMap<>(Map.of("comparison", "is", "value", "opted_in"));
        Map<String, Object> source = new java.util.HashMap<>(Map.of("push_subscription_status", filter));
        Audience audience = Audience.fromMap(source);
        filter.put("value", "unsubscribed");

        assertThat(audience).isEqualTo(Audience.pushSubscriptionStatus().is(SubscriptionState.OPTED_IN));
        assertThatThrownBy(() -> audience.toMap().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
    }
}
