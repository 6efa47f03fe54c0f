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

import static io.camelbraze.trigger.test.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each rule of braze-api.md §9 (3 to 9), accepted and refused, without HTTP. */
class BrazeRequestRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BrazeRequestRules RULES = BrazeRequestRules.lenientIds();

    private static String canvas(String body) {
        return RULES.violation(BrazeEndpoint.CANVAS, parse(body)).orElse("OK");
    }

    private static String campaign(String body) {
        return RULES.violation(BrazeEndpoint.CAMPAIGN, parse(body)).orElse("OK");
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(json(body));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "CANVAS | {'canvas_id':'cv','recipients':[{'external_user_id':'1'}]}",
        "CANVAS | {'canvas_id':'cv','broadcast':true}",
        "CANVAS | {'canvas_id':'cv','broadcast':true,'recipients':[]}",
        "CANVAS | {'canvas_id':'cv','broadcast':false,'recipients':[{'user_alias':{'alias_name':'n','alias_label':'l'}}]}",
        "CANVAS | {'canvas_id':'cv','recipients':[{'email':'a@example.com','prioritization':['unidentified','most_recently_updated']}]}",
        "CANVAS | {'canvas_id':'cv','recipients':[{'external_user_id':'1','send_to_existing_only':false,'attributes':{'first_name':'A'}}]}",
        "CANVAS | {'canvas_id':'cv','context':{'a':1},'canvas_entry_properties':{'b':2},'recipients':[{'external_user_id':'1','context':{'c':[1,{'d':true}]}}]}",
        "CANVAS | {'canvas_id':'cv','audience':{'push_subscription_status':{'comparison':'is','value':'opted_in'}},'recipients':[{'external_user_id':'1'}]}",
        "CAMPAIGN | {'campaign_id':'c','send_id':'spring-sale_2025','trigger_properties':{'a':{'b':[1]}},'recipients':[{'external_user_id':'1','trigger_properties':{'x':1}}]}",
        "CAMPAIGN | {'campaign_id':'c','broadcast':true,'audience':{'AND':[{'custom_attribute':{'custom_attribute_name':'vip','comparison':'equals','value':true}}]}}",
        "CAMPAIGN | {'campaign_id':'c','attachments':[{'file_name':'invoice','url':'https://example.com/i.pdf'}],'recipients':[{'external_user_id':'1'}]}",
    })
    void acceptsValidBodies(BrazeEndpoint endpoint, String body) {
        assertThat(RULES.violation(endpoint, parse(body))).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "CANVAS | [1,2]                                                         | Bad syntax: the request body must be a JSON object",
        "CANVAS | {'recipients':[{'external_user_id':'1'}]}                     | canvas_id must be a string of the Canvas api identifier",
        "CANVAS | {'canvas_id':7,'recipients':[{'external_user_id':'1'}]}       | canvas_id must be a string of the Canvas api identifier",
        "CANVAS | {'canvas_id':'cv','broadcast':true,'recipients':[{'external_user_id':'1'}]} | broadcast cannot be true when recipients are specified",
        "CANVAS | {'canvas_id':'cv'}                                            | Either recipients must be given or broadcast must be true",
        "CANVAS | {'canvas_id':'cv','broadcast':false,'recipients':[]}          | Either recipients must be given or broadcast must be true",
        "CANVAS | {'canvas_id':'cv','audience':{'push_subscription_status':{'comparison':'is','value':'opted_in'}}} | Either recipients must be given or broadcast must be true",
        "CANVAS | {'canvas_id':'cv','broadcast':'yes'}                          | broadcast must be a boolean",
        "CANVAS | {'canvas_id':'cv','recipients':{}}                            | recipients must be an array",
        "CANVAS | {'canvas_id':'cv','recipients':[{}]}                          | recipients[0]: exactly one of external_user_id, user_alias or email is required",
        "CANVAS | {'canvas_id':'cv','recipients':[{'external_user_id':'1','email':'a@b.c','prioritization':['identified']}]} | recipients[0]: exactly one of external_user_id, user_alias or email is required",
        "CANVAS | {'canvas_id':'cv','recipients':[{'external_user_id':''}]}     | recipients[0].external_user_id must be a non-empty string",
        "CANVAS | {'canvas_id':'cv','recipients':[{'user_alias':{'alias_name':'n'}}]} | recipients[0].user_alias.alias_label must be a non-empty string",
        "CANVAS | {'canvas_id':'cv','recipients':[{'user_alias':{'alias_name':1,'alias_label':'l'}}]} | recipients[0].user_alias.alias_name must be a non-empty string",
        "CANVAS | {'canvas_id':'cv','recipients':[{'email':'a@b.c'}]}           | recipients[0]: prioritization is required with email",
        "CANVAS | {'canvas_id':'cv','recipients':[{'email':'a@b.c','prioritization':[]}]} | recipients[0]: prioritization is required with email",
        "CANVAS | {'canvas_id':'cv','recipients':[{'email':'a@b.c','prioritization':['newest']}]} | recipients[0].prioritization: values must be identified, unidentified, most_recently_updated or least_recently_updated",
        "CANVAS | {'canvas_id':'cv','recipients':[{'email':'a@b.c','prioritization':['identified','unidentified']}]} | recipients[0].prioritization: only one of identified or unidentified is allowed",
        "CANVAS | {'canvas_id':'cv','recipients':[{'user_alias':{'alias_name':'n','alias_label':'l'},'send_to_existing_only':false,'attributes':{'a':1}}]} | recipients[0]: send_to_existing_only cannot be used with user aliases",
        "CANVAS | {'canvas_id':'cv','recipients':[{'external_user_id':'1','send_to_existing_only':false}]} | recipients[0]: send_to_existing_only false requires a non-empty attributes object",
        "CANVAS | {'canvas_id':'cv','recipients':[{'external_user_id':'1','send_to_existing_only':false,'attributes':{}}]} | recipients[0]: send_to_existing_only false requires a non-empty attributes object",
        "CANVAS | {'canvas_id':'cv','recipients':[{'external_user_id':'1','send_to_existing_only':'no'}]} | recipients[0].send_to_existing_only must be a boolean",
        "CANVAS | {'canvas_id':'cv','recipients':[{'external_user_id':'1','attributes':[]}]} | recipients[0].attributes must be an object",
        "CANVAS | {'canvas_id':'cv','context':[1],'recipients':[{'external_user_id':'1'}]} | context must be an object",
        "CANVAS | {'canvas_id':'cv','recipients':[{'external_user_id':'1','context':'x'}]} | recipients[0].context must be an object",
        "CANVAS | {'canvas_id':'cv','send_id':'s','broadcast':true}             | /canvas/trigger/send: unknown field 'send_id'",
        "CANVAS | {'canvas_id':'cv','trigger_properties':{},'broadcast':true}   | /canvas/trigger/send: unknown field 'trigger_properties'",
        "CANVAS | {'canvas_id':'cv','attachments':[],'broadcast':true}          | /canvas/trigger/send: unknown field 'attachments'",
        "CANVAS | {'canvas_id':'cv','recipients':[{'external_user_id':'1','trigger_properties':{}}]} | recipients[0]: unknown field 'trigger_properties'",
        "CANVAS | {'canvas_id':'cv','recipients':[{'braze_id':'b'}]}            | recipients[0]: unknown field 'braze_id'",
        "CAMPAIGN | {'recipients':[{'external_user_id':'1'}]}                     | campaign_id must be a string of the campaign api identifier",
        "CAMPAIGN | {'campaign_id':'c','context':{},'broadcast':true}             | /campaigns/trigger/send: unknown field 'context'",
        "CAMPAIGN | {'campaign_id':'c','canvas_entry_properties':{},'broadcast':true} | /campaigns/trigger/send: unknown field 'canvas_entry_properties'",
        "CAMPAIGN | {'campaign_id':'c','recipients':[{'external_user_id':'1','context':{}}]} | recipients[0]: unknown field 'context'",
        "CAMPAIGN | {'campaign_id':'c','send_id':'caf\u00e9','broadcast':true}    | send_id must be an ASCII string of at most 64 characters",
        "CAMPAIGN | {'campaign_id':'c','send_id':'','broadcast':true}             | send_id must be an ASCII string of at most 64 characters",
        "CAMPAIGN | {'campaign_id':'c','send_id':5,'broadcast':true}              | send_id must be an ASCII string of at most 64 characters",
        "CAMPAIGN | {'campaign_id':'c','broadcast':true,'attachments':[{'file_name':'f','url':'https://x'}]} | attachments cannot be used when broadcast is true",
        "CAMPAIGN | {'campaign_id':'c','attachments':[{'file_name':'f'}],'recipients':[{'external_user_id':'1'}]} | attachments[0].url must be a non-empty string",
        "CAMPAIGN | {'campaign_id':'c','attachments':[{'file_name':'f','url':'u','size':1}],'recipients':[{'external_user_id':'1'}]} | attachments[0]: unknown field 'size'",
        "CAMPAIGN | {'campaign_id':'c','trigger_properties':3,'broadcast':true}   | trigger_properties must be an object",
    })
    void refusesInvalidBodies(BrazeEndpoint endpoint, String body, String message) {
        assertThat(RULES.violation(endpoint, parse(body))).hasValue(message);
    }

    @Test
    void sendIdOfExactly64AsciiCharactersIsAccepted() {
        String id = "x".repeat(64);
        assertThat(campaign("{'campaign_id':'c','broadcast':true,'send_id':'" + id + "'}")).isEqualTo("OK");
        assertThat(campaign("{'campaign_id':'c','broadcast':true,'send_id':'" + id + "y'}"))
                .isEqualTo("send_id must be an ASCII string of at most 64 characters");
    }

    @Test
    void fiftyRecipientsAreAcceptedFiftyOneAreNot() {
        assertThat(canvas(withRecipients(50))).isEqualTo("OK");
        assertThat(canvas(withRecipients(51))).isEqualTo(BrazeRequestRules.TOO_MANY_RECIPIENTS);
    }

    private static String withRecipients(int count) {
        return IntStream.range(0, count).mapToObj(i -> "{'external_user_id':'u" + i + "'}")
                .collect(Collectors.joining(",", "{'canvas_id':'cv','recipients':[", "]}"));
    }

    @Test
    void propertiesUpTo51200SerializedBytesAreAcceptedTopLevelAndPerRecipient() {
        // {"k":"…"} is 8 bytes of JSON around the value
        String fits = "x".repeat(51_200 - 8);
        String tooBig = fits + "x";
        assertThat(canvas("{'canvas_id':'cv','context':{'k':'" + fits + "'},'broadcast':true}")).isEqualTo("OK");
        assertThat(canvas("{'canvas_id':'cv','context':{'k':'" + tooBig + "'},'broadcast':true}"))
                .isEqualTo("context exceeds the maximum size of 51200 bytes");
        assertThat(canvas("{'canvas_id':'cv','canvas_entry_properties':{'k':'" + tooBig + "'},'broadcast':true}"))
                .isEqualTo("canvas_entry_properties exceeds the maximum size of 51200 bytes");
        assertThat(canvas("{'canvas_id':'cv','recipients':[{'external_user_id':'1','context':{'k':'" + tooBig + "'}}]}"))
                .isEqualTo("recipients[0].context exceeds the maximum size of 51200 bytes");
        assertThat(campaign("{'campaign_id':'c','trigger_properties':{'k':'" + tooBig + "'},'broadcast':true}"))
                .isEqualTo("trigger_properties exceeds the maximum size of 51200 bytes");
        assertThat(campaign("{'campaign_id':'c','recipients':[{'external_user_id':'1','trigger_properties':{'k':'" + fits + "'}}]}"))
                .isEqualTo("OK");
    }

    @Test
    void sizeCountsUtf8Bytes() {
        String multiByte = "\u00e9".repeat(25_597); // 2 bytes each: 51,194 + 8 = 51,202 bytes, but only 25,605 chars
        assertThat(canvas("{'canvas_id':'cv','context':{'k':'" + multiByte + "'},'broadcast':true}"))
                .isEqualTo("context exceeds the maximum size of 51200 bytes");
    }

    @Test
    void knownIdListsRefuseUnknownIds() {
        BrazeRequestRules rules = new BrazeRequestRules(Set.of("cv-1"), Set.of("cmp-1"), true);
        assertThat(rules.violation(BrazeEndpoint.CANVAS, parse("{'canvas_id':'cv-2','broadcast':true}")))
                .hasValue("Canvas does not exist");
        assertThat(rules.violation(BrazeEndpoint.CAMPAIGN, parse("{'campaign_id':'cmp-2','broadcast':true}")))
                .hasValue("Campaign does not exist");
        assertThat(rules.violation(BrazeEndpoint.CANVAS, parse("{'canvas_id':'cv-1','broadcast':true}"))).isEmpty();
    }

    @Test
    void lenientSendToExistingOnlyAllowsAliasesAndMissingAttributes() {
        BrazeRequestRules rules = new BrazeRequestRules(null, null, false);
        assertThat(rules.violation(BrazeEndpoint.CANVAS, parse(
                "{'canvas_id':'cv','recipients':[{'external_user_id':'1','send_to_existing_only':false}]}"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'custom_attribute':{'custom_attribute_name':'tier','comparison':'equals','value':'gold'}}",
        "{'custom_attribute':{'custom_attribute_name':'tier','comparison':'exists'}}",
        "{'custom_attribute':{'custom_attribute_name':'age','comparison':'greater_than_or_equal_to','value':18}}",
        "{'custom_attribute':{'custom_attribute_name':'vip','comparison':'does_not_equal','value':false}}",
        "{'custom_attribute':{'custom_attribute_name':'tags','comparison':'includes_value','value':'x'}}",
        "{'custom_attribute':{'custom_attribute_name':'name','comparison':'matches_regex','value':'^A.*'}}",
        "{'custom_attribute':{'custom_attribute_name':'signup','comparison':'less_than_x_days_ago','value':2}}",
        "{'custom_attribute':{'custom_attribute_name':'signup','comparison':'after','value':'2019-07-22T13:17:55+0000'}}",
        "{'custom_attribute':{'custom_attribute_name':'signup','comparison':'before','value':'2019-07-22T13:17:55Z'}}",
        "{'email_subscription_status':{'comparison':'is_not','value':'unsubscribed'}}",
        "{'last_used_app':{'comparison':'after','value':'2019-07-22T13:17:55+00:00'}}",
        "{'AND':[{'push_subscription_status':{'comparison':'is','value':'subscribed'}},{'OR':[{'custom_attribute':{'custom_attribute_name':'a','comparison':'exists'}},{'last_used_app':{'comparison':'before','value':'2020-01-01T00:00:00Z'}}]}]}",
    })
    void acceptsAudiences(String audience) {
        assertThat(canvas("{'canvas_id':'cv','broadcast':true,'audience':" + audience + "}")).isEqualTo("OK");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{}                                                                          | audience must be an object with exactly one filter or AND/OR",
        "[]                                                                          | audience must be an object with exactly one filter or AND/OR",
        "{'AND':[]}                                                                  | audience.AND must be a non-empty array",
        "{'AND':[{'OR':{}}]}                                                         | audience.AND[0].OR must be a non-empty array",
        "{'segment':{'id':'s'}}                                                      | audience: unknown audience filter 'segment'",
        "{'custom_attribute':{'comparison':'exists'}}                                | audience.custom_attribute.custom_attribute_name must be a non-empty string",
        "{'custom_attribute':{'custom_attribute_name':'a','comparison':'like','value':'x'}} | audience.custom_attribute: unknown comparison 'like'",
        "{'custom_attribute':{'custom_attribute_name':'a','comparison':'exists','value':1}} | audience.custom_attribute: value must be omitted for exists",
        "{'custom_attribute':{'custom_attribute_name':'a','comparison':'after','value':'yesterday'}} | audience.custom_attribute: value must be an ISO 8601 date-time string",
        "{'custom_attribute':{'custom_attribute_name':'a','comparison':'greater_than','value':'5'}} | audience.custom_attribute: value must be a number for greater_than",
        "{'custom_attribute':{'custom_attribute_name':'a','comparison':'less_than_x_days_ago','value':'2'}} | audience.custom_attribute: value must be a number of days for less_than_x_days_ago",
        "{'custom_attribute':{'custom_attribute_name':'a','comparison':'matches_regex','value':'('}} | audience.custom_attribute: value must be a regular expression string for matches_regex",
        "{'custom_attribute':{'custom_attribute_name':'a','comparison':'does_not_equal','value':'x'}} | audience.custom_attribute: does_not_equal is for boolean attributes (use not_equal otherwise)",
        "{'custom_attribute':{'custom_attribute_name':'a','comparison':'equals'}}    | audience.custom_attribute: value must be a string, number or boolean for equals",
        "{'custom_attribute':{'custom_attribute_name':'a','comparison':'equals','value':1,'x':2}} | audience.custom_attribute: unknown field 'x'",
        "{'push_subscription_status':{'comparison':'equals','value':'opted_in'}}     | audience.push_subscription_status: comparison must be is or is_not",
        "{'email_subscription_status':{'comparison':'is','value':'maybe'}}           | audience.email_subscription_status: value must be one of opted_in, subscribed, unsubscribed",
        "{'last_used_app':{'comparison':'is','value':'2019-07-22T13:17:55Z'}}        | audience.last_used_app: comparison must be after or before",
        "{'OR':[{'push_subscription_status':{'comparison':'is','value':'subscribed'},'last_used_app':{}}]} | audience.OR[0] must be an object with exactly one filter or AND/OR",
    })
    void refusesInvalidAudiences(String audience, String message) {
        assertThat(canvas("{'canvas_id':'cv','broadcast':true,'audience':" + audience + "}")).isEqualTo(message);
    }
}
