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

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;

class TriggerRequestJsonTest {

    @Test
    void canvasRequestIsWrittenInBrazeNamesWithoutNulls() {
        TriggerRequest request = TriggerRequest.canvas("cv-1")
                .withContext(Map.of("product", "shoes"))
                .withRecipients(Recipient.externalUserId("u1").withContext(Map.of("size", 10)).withSendToExistingOnly(true)
                                        .withAttributes(Map.of("first_name", "Alex")),
                                Recipient.email("a@example.com", "unidentified", "most_recently_updated"),
                                Recipient.userAlias("n", "l"));

        assertWritesAs(request, """
                {'canvas_id':'cv-1','context':{'product':'shoes'},'recipients':[
                  {'external_user_id':'u1','context':{'size':10},'send_to_existing_only':true,'attributes':{'first_name':'Alex'}},
                  {'email':'a@example.com','prioritization':['unidentified','most_recently_updated']},
                  {'user_alias':{'alias_name':'n','alias_label':'l'}}]}""");
    }

    @Test
    void campaignRequestUsesCampaignFieldNames() {
        TriggerRequest request = TriggerRequest.campaign("cp-1").withSendId("s1").withTriggerProperties(Map.of("k", "v"))
                .withBroadcast(true).withAttachments(new Attachment("invoice", "https://x/invoice.pdf"))
                .withAudience(Audience.customAttribute("eye_color").equalTo("blue"));

        assertWritesAs(request, """
                {'campaign_id':'cp-1','send_id':'s1','trigger_properties':{'k':'v'},'broadcast':true,
                 'audience':{'custom_attribute':{'custom_attribute_name':'eye_color','comparison':'equals','value':'blue'}},
                 'attachments':[{'file_name':'invoice','url':'https://x/invoice.pdf'}]}""");
    }

    @Test
    void legacyCanvasEntryPropertiesIsReadAsContextAndWrittenAsContext() {
        TriggerRequest request = read("{'canvas_id':'c','canvas_entry_properties':{'a':1},"
                                      + "'recipients':[{'external_user_id':'u','canvas_entry_properties':{'b':2}}]}",
                TriggerRequest.class);

        assertThat(request.context()).isEqualTo(Map.of("a", 1));
        assertThat(request.recipients().get(0).context()).isEqualTo(Map.of("b", 2));
        assertWritesAs(request, "{'canvas_id':'c','context':{'a':1},'recipients':[{'external_user_id':'u','context':{'b':2}}]}");
    }

    @Test
    void readingBrazeJsonRoundTrips() {
        String json = """
                {'campaign_id':'cp','send_id':'s','trigger_properties':{'n':{'deep':[1,2]}},'broadcast':false,
                 'audience':{'AND':[{'push_subscription_status':{'comparison':'is','value':'opted_in'}},
                                    {'OR':[{'last_used_app':{'comparison':'after','value':'2019-07-22T13:17:55+0000'}}]}]},
                 'recipients':[{'email':'e@x','prioritization':['identified'],'trigger_properties':{'x':1},
                                'send_to_existing_only':false,'attributes':{'email':'e@x'}}],
                 'attachments':[{'file_name':'f','url':'https://u'}]}""";

        TriggerRequest request = read(json, TriggerRequest.class);

        assertThat(request.recipients().get(0).sendToExistingOnly()).isFalse();
        assertThat(request.audience()).isEqualTo(Audience.and(Audience.pushSubscriptionStatus().is(SubscriptionState.OPTED_IN),
                Audience.or(Audience.lastUsedApp().after("2019-07-22T13:17:55+0000"))));
        assertWritesAs(request, json);
        assertThat(read(io.camelbraze.trigger.mapping.BrazeJson.write(request), TriggerRequest.class)).isEqualTo(request);
    }

    @Test
    void unknownFieldsFailSoTyposAreCaught() {
        assertThatThrownBy(() -> read("{'canvas_id':'c','recipients':[{'extrenal_user_id':'u'}]}", TriggerRequest.class))
                .hasCauseInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("extrenal_user_id");
    }

    @Test
    void recordsAreImmutableCopies() {
        List<Recipient> source = new java.util.ArrayList<>(List.of(Recipient.externalUserId("a")));
        TriggerRequest request = TriggerRequest.canvas("c").withRecipients(source);
        source.add(Recipient.externalUserId("b"));

        assertThat(request.recipients()).containsExactly(Recipient.externalUserId("a"));
        assertThatThrownBy(() -> request.recipients().add(Recipient.externalUserId("c")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(request.recipientCount()).isEqualTo(1);
    }

    @Test
    void emailFactoryWithoutPrioritizationLeavesItUnset() {
        assertThat(Recipient.email("a@b").prioritization()).isNull();
        assertWritesAs(Recipient.email("a@b"), "{'email':'a@b'}");
    }
}
