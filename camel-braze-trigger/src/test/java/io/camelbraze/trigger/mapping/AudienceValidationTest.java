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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

import io.camelbraze.trigger.BrazeOperation;
import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.model.Audience;
import io.camelbraze.trigger.model.JsonTrees;
import io.camelbraze.trigger.model.SubscriptionState;
import io.camelbraze.trigger.model.TriggerRequest;

class AudienceValidationTest {

    private static TriggerRequest broadcast(Audience audience) {
        return TriggerRequest.canvas("c").withBroadcast(true).withAudience(audience);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(String audienceJson, String field) {
        Audience audience = JsonTrees.read(audienceJson, Audience.class);
        return assertThatThrownBy(() -> BrazeRequestValidator.validate(broadcast(audience), BrazeOperation.canvas))
                .isInstanceOfSatisfying(BrazeValidationException.class, e -> assertThat(e.getField()).isEqualTo(field))
                .hasMessageStartingWith(field + ": ");
    }

    private static String attribute(String comparison, String valueJson) {
        return "{'custom_attribute':{'custom_attribute_name':'a','comparison':'" + comparison + "'"
               + (valueJson == null ? "" : ",'value':" + valueJson) + "}}";
    }

    @Test
    void everyBuilderFilterIsValid() {
        var a = Audience.customAttribute("a");
        Audience all = Audience.and(a.equalTo("s"), a.equalTo(1), a.equalTo(true), a.notEqual("s"), a.notEqual(2),
                a.doesNotEqual(false), a.matchesRegex("x"), a.doesNotMatchRegex("y"), a.exists(), a.doesNotExist(),
                a.includesValue("v"), a.doesNotIncludeValue(3), a.greaterThan(1), a.greaterThanOrEqualTo(1.5), a.lessThan(2),
                a.lessThanOrEqualTo(2), a.lessThanXDaysAgo(1), a.greaterThanXDaysAgo(2), a.lessThanXDaysInTheFuture(3),
                a.greaterThanXDaysInTheFuture(4), a.after(Instant.EPOCH), a.before("2019-07-22T13:17:55+0000"),
                Audience.or(Audience.pushSubscriptionStatus().is(SubscriptionState.OPTED_IN),
                        Audience.emailSubscriptionStatus().isNot(SubscriptionState.UNSUBSCRIBED)),
                Audience.lastUsedApp().before(Instant.EPOCH));

        assertThatCode(() -> BrazeRequestValidator.validate(broadcast(all), BrazeOperation.canvas)).doesNotThrowAnyException();
    }

    @Test
    void grammarIsOneKeyFiltersAndNonEmptyAndOr() {
        assertInvalid("{'AND':[]}", "audience.AND").hasMessageContaining("non-empty array");
        assertInvalid("{'OR':{'x':1}}", "audience.OR");
        assertInvalid("{'AND':[" + attribute("exists", null) + ",{'OR':[" + attribute("exists", null) + ",'text']}]}",
                "audience.AND[1].OR[1]").hasMessageContaining("must be a filter object");
        assertInvalid("{'segment_id':'s'}", "audience").hasMessageContaining("unknown filter type 'segment_id'");
        assertInvalid("{'AND':[" + attribute("exists", null) + "],'OR':[" + attribute("exists", null) + "]}", "audience")
                .hasMessageContaining("exactly one key");
    }

    @Test
    void customAttributeFieldsAndComparisons() {
        assertInvalid("{'custom_attribute':{'comparison':'exists'}}", "audience.custom_attribute.custom_attribute_name");
        assertInvalid(attribute("contains", "'x'"), "audience.custom_attribute.comparison").hasMessageContaining("'contains'");
        assertInvalid("{'custom_attribute':{'custom_attribute_name':'a','comparison':'exists','typo':1}}",
                "audience.custom_attribute.typo").hasMessageContaining("unknown field");
        assertInvalid("{'custom_attribute':{'custom_attribute_name':'a'}}", "audience.custom_attribute.comparison");
    }

    @Test
    void valueIsOmittedForExistsAndRequiredOtherwiseWithTheRightType() {
        assertInvalid(attribute("exists", "true"), "audience.custom_attribute.value").hasMessageContaining("must be omitted");
        assertInvalid(attribute("equals", null), "audience.custom_attribute.value").hasMessageContaining("required");
        assertInvalid(attribute("greater_than", "'5'"), "audience.custom_attribute.value").hasMessageContaining("number");
        assertInvalid(attribute("less_than_x_days_ago", "'2'"), "audience.custom_attribute.value");
        assertInvalid(attribute("matches_regex", "5"), "audience.custom_attribute.value").hasMessageContaining("string");
        assertInvalid(attribute("after", "'yesterday'"), "audience.custom_attribute.value").hasMessageContaining("ISO 8601");
        assertInvalid(attribute("not_equal", "true"), "audience.custom_attribute.value").hasMessageContaining("does_not_equal");
        assertInvalid(attribute("does_not_equal", "'x'"), "audience.custom_attribute.value").hasMessageContaining("not_equal");
        assertInvalid(attribute("includes_value", "{'a':1}"), "audience.custom_attribute.value");
    }

    @Test
    void subscriptionAndLastUsedAppFilters() {
        assertInvalid("{'push_subscription_status':{'comparison':'equals','value':'opted_in'}}",
                "audience.push_subscription_status.comparison").hasMessageContaining("[is, is_not]");
        assertInvalid("{'email_subscription_status':{'comparison':'is','value':'maybe'}}", "audience.email_subscription_status.value")
                .hasMessageContaining("[opted_in, subscribed, unsubscribed]");
        assertInvalid("{'email_subscription_status':{'comparison':'is'}}", "audience.email_subscription_status.value");
        assertInvalid("{'last_used_app':{'comparison':'before','value':5}}", "audience.last_used_app.value");
        assertInvalid("{'last_used_app':{'comparison':'less_than','value':'2020-01-01'}}", "audience.last_used_app.comparison");
    }
}
