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

import static io.camelbraze.trigger.BrazeTriggerConstants.ATTRIBUTES;
import static io.camelbraze.trigger.BrazeTriggerConstants.AUDIENCE;
import static io.camelbraze.trigger.BrazeTriggerConstants.CAMPAIGN_ID;
import static io.camelbraze.trigger.BrazeTriggerConstants.CANVAS_ID;
import static io.camelbraze.trigger.BrazeTriggerConstants.CONTEXT;
import static io.camelbraze.trigger.BrazeTriggerConstants.EMAIL;
import static io.camelbraze.trigger.BrazeTriggerConstants.EXTERNAL_USER_ID;
import static io.camelbraze.trigger.BrazeTriggerConstants.PRIORITIZATION;
import static io.camelbraze.trigger.BrazeTriggerConstants.SEND_ID;
import static io.camelbraze.trigger.BrazeTriggerConstants.USER_ALIAS_LABEL;
import static io.camelbraze.trigger.BrazeTriggerConstants.USER_ALIAS_NAME;
import static io.camelbraze.trigger.mapping.MappingFixture.assertRefused;
import static io.camelbraze.trigger.mapping.MappingFixture.campaign;
import static io.camelbraze.trigger.mapping.MappingFixture.canvas;
import static io.camelbraze.trigger.mapping.MappingFixture.map;
import static io.camelbraze.trigger.model.JsonTrees.assertWritesAs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camelbraze.trigger.BrazeTriggerConfiguration;
import io.camelbraze.trigger.model.Audience;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.SubscriptionState;
import io.camelbraze.trigger.model.TriggerRequest;

class BrazeRequestMapperHeaderTest {

    private static final Map<String, Object> USER = Map.of(EXTERNAL_USER_ID, "u1");
    private static final String EYES = "{'custom_attribute':{'custom_attribute_name':'eyes','comparison':'equals','value':'blue'}}";

    private static Map<String, Object> user(String header, Object value) {
        return Map.of(EXTERNAL_USER_ID, "u1", header, value);
    }

    @Test
    void targetIdHeaderBeatsBodyWhichBeatsTheOption() {
        Map<String, Object> bodyWithId = Map.of("canvas_id", "from-body", "recipients", List.of(Map.of("external_user_id", "u1")));

        assertThat(map(canvas(), null, USER).canvasId()).isEqualTo("canvas-1");
        assertThat(map(canvas(), bodyWithId).canvasId()).isEqualTo("from-body");
        assertThat(map(canvas(), bodyWithId, Map.of(CANVAS_ID, "from-header")).canvasId()).isEqualTo("from-header");
        assertThat(map(campaign(), null, user(CAMPAIGN_ID, "cp-h")).campaignId()).isEqualTo("cp-h");
    }

    @Test
    void theOtherOperationsIdHeaderIsRefused() {
        assertRefused(canvas(), null, user(CAMPAIGN_ID, "cp-h"), CAMPAIGN_ID).hasMessageContaining(CANVAS_ID);
        assertRefused(campaign(), null, user(CANVAS_ID, "cv-h"), CANVAS_ID).hasMessageContaining(CAMPAIGN_ID);
    }

    @Test
    void missingIdNamesTheOptionAndHeader() {
        BrazeTriggerConfiguration configuration = canvas();
        configuration.setCanvasId(null);

        assertRefused(configuration, null, USER, "canvas_id").hasMessageContaining("canvasId").hasMessageContaining(CANVAS_ID);
    }

    @Test
    void contextHeaderIsContextOnCanvasAndTriggerPropertiesOnCampaignAndOverridesBodyKeys() {
        Map<String, Object> body = Map.of("context", Map.of("a", 1, "b", 2), "recipients", List.of(Map.of("external_user_id", "u")));
        Map<String, Object> campaignBody = Map.of("trigger_properties", Map.of("a", 1, "b", 2),
                "recipients", List.of(Map.of("external_user_id", "u")));
        Map<String, Object> header = Map.of(CONTEXT, Map.of("b", 3, "c", 4));

        assertWritesAs(map(canvas(), body, header),
                "{'canvas_id':'canvas-1','context':{'a':1,'b':3,'c':4},'recipients':[{'external_user_id':'u'}]}");
        assertWritesAs(map(campaign(), campaignBody, header),
                "{'campaign_id':'campaign-1','trigger_properties':{'a':1,'b':3,'c':4},'recipients':[{'external_user_id':'u'}]}");
        assertWritesAs(map(campaign(), null, user(CONTEXT, "{\"x\":true}")),
                "{'campaign_id':'campaign-1','trigger_properties':{'x':true},'recipients':[{'external_user_id':'u1'}]}");
        assertRefused(canvas(), null, user(CONTEXT, "[1]"), CONTEXT).hasMessageContaining("not a JSON object");
        assertRefused(canvas(), null, user(CONTEXT, 5), CONTEXT).hasMessageContaining("Map or a JSON object");
    }

    @Test
    void audienceHeaderAcceptsAudienceMapOrJsonAndReplacesTheBodys() {
        BrazeTriggerConfiguration broadcast = canvas();
        broadcast.setBroadcast(true);
        Audience eyes = Audience.customAttribute("eyes").equalTo("blue");
        Map<String, Object> bodyWithAudience = Map.of("audience", Audience.pushSubscriptionStatus().is(SubscriptionState.OPTED_IN)
                .toMap());
        String expected = "{'canvas_id':'canvas-1','broadcast':true,'audience':" + EYES + "}";

        assertWritesAs(map(broadcast, null, Map.of(AUDIENCE, eyes)), expected);
        assertWritesAs(map(broadcast, null, Map.of(AUDIENCE, eyes.toMap())), expected);
        assertWritesAs(map(broadcast, null, Map.of(AUDIENCE, EYES.replace('\'', '"'))), expected);
        assertWritesAs(map(broadcast, bodyWithAudience, Map.of(AUDIENCE, eyes)), expected);
    }

    @Test
    void audienceWithoutBroadcastOrRecipientsSaysToSetBroadcast() {
        assertRefused(canvas(), null, Map.of(AUDIENCE, EYES.replace('\'', '"')), "recipients")
                .hasMessageContaining("set the endpoint option broadcast=true");
    }

    @Test
    void sendIdHeaderBeatsBodyWhichBeatsTheOptionOnCampaigns() {
        BrazeTriggerConfiguration configuration = campaign();
        configuration.setSendId("from-option");
        Map<String, Object> body = Map.of("send_id", "from-body", "recipients", List.of(Map.of("external_user_id", "u")));

        assertThat(map(configuration, null, USER).sendId()).isEqualTo("from-option");
        assertThat(map(configuration, body).sendId()).isEqualTo("from-body");
        assertThat(map(configuration, body, Map.of(SEND_ID, "from-header")).sendId()).isEqualTo("from-header");
    }

    @Test
    void sendIdIsRefusedOnCanvasWhereverItComesFrom() {
        BrazeTriggerConfiguration withOption = canvas();
        withOption.setSendId("s");

        assertRefused(canvas(), null, user(SEND_ID, "s"), SEND_ID).hasMessageContaining("campaign field");
        assertRefused(withOption, null, USER, "sendId").hasMessageContaining("campaign endpoints only");
        assertRefused(canvas(), Map.of("send_id", "s", "recipients", List.of(Map.of("external_user_id", "u"))), "send_id");
    }

    @Test
    void headerRecipientTogetherWithBodyRecipientsIsRefusedNamingBoth() {
        assertRefused(canvas(), List.of(Map.of("external_user_id", "a"), Map.of("external_user_id", "b")), USER, EXTERNAL_USER_ID)
                .hasMessageContaining("the body holds 2 recipient(s)").hasMessageContaining(EXTERNAL_USER_ID);
        assertRefused(canvas(), Map.of("email", "a@b", "prioritization", List.of("identified")),
                Map.of(USER_ALIAS_NAME, "n", USER_ALIAS_LABEL, "l"), USER_ALIAS_NAME)
                .hasMessageContaining(USER_ALIAS_NAME + ", " + USER_ALIAS_LABEL);
    }

    @Test
    void headerRecipientIsUsedWhenTheRequestBodyHasNoRecipients() {
        Map<String, Object> body = Map.of("context", Map.of("k", 1), "recipients", List.of());

        assertWritesAs(map(canvas(), body, USER),
                "{'canvas_id':'canvas-1','context':{'k':1},'recipients':[{'external_user_id':'u1'}]}");
    }

    @Test
    void identityHeadersBuildEachKindOfRecipient() {
        assertWritesAs(map(canvas(), null, Map.of(USER_ALIAS_NAME, "n", USER_ALIAS_LABEL, "l")),
                "{'canvas_id':'canvas-1','recipients':[{'user_alias':{'alias_name':'n','alias_label':'l'}}]}");
        assertWritesAs(map(canvas(), null, Map.of(EMAIL, "a@b", PRIORITIZATION, "unidentified, most_recently_updated")),
                "{'canvas_id':'canvas-1','recipients':[{'email':'a@b','prioritization':['unidentified','most_recently_updated']}]}");
        assertWritesAs(map(canvas(), null, Map.of(EMAIL, "a@b", PRIORITIZATION, List.of("identified"))),
                "{'canvas_id':'canvas-1','recipients':[{'email':'a@b','prioritization':['identified']}]}");
        assertWritesAs(map(canvas(), null, Map.of(EXTERNAL_USER_ID, 42L)),
                "{'canvas_id':'canvas-1','recipients':[{'external_user_id':'42'}]}");
    }

    @Test
    void attributesHeaderBelongsToTheHeaderRecipient() {
        assertWritesAs(map(canvas(), null, user(ATTRIBUTES, Map.of("first_name", "Alex"))),
                "{'canvas_id':'canvas-1','recipients':[{'external_user_id':'u1','attributes':{'first_name':'Alex'}}]}");
        assertRefused(canvas(), List.of(Map.of("external_user_id", "a")), Map.of(ATTRIBUTES, Map.of("x", 1)), ATTRIBUTES)
                .hasMessageContaining("none is set");
        assertRefused(canvas(), null, Map.of(ATTRIBUTES, Map.of("x", 1)), ATTRIBUTES);
    }

    @Test
    void contradictoryIdentityHeadersAreRefused() {
        assertRefused(canvas(), null, Map.of(EXTERNAL_USER_ID, "u", EMAIL, "a@b"), EXTERNAL_USER_ID)
                .hasMessageContaining("more than one identifier");
        assertRefused(canvas(), null, Map.of(USER_ALIAS_NAME, "n"), USER_ALIAS_LABEL).hasMessageContaining("needs both");
        assertRefused(canvas(), null, Map.of(USER_ALIAS_LABEL, "l"), USER_ALIAS_NAME);
    }

    @Test
    void prioritizationDefaultsFillOnlyEmailRecipientsWithoutOne() {
        BrazeTriggerConfiguration configuration = canvas();
        configuration.setPrioritization("unidentified,least_recently_updated");
        List<Object> body = List.of(Map.of("email", "a@x"), Map.of("email", "b@x", "prioritization", List.of("identified")),
                Map.of("external_user_id", "c"));

        assertWritesAs(map(configuration, body), """
                {'canvas_id':'canvas-1','recipients':[
                  {'email':'a@x','prioritization':['unidentified','least_recently_updated']},
                  {'email':'b@x','prioritization':['identified']},
                  {'external_user_id':'c'}]}""");
        assertThat(map(configuration, body, Map.of(PRIORITIZATION, "most_recently_updated")).recipients().get(0).prioritization())
                .containsExactly("most_recently_updated");
    }

    @Test
    void emailWithoutAnyPrioritizationIsRefused() {
        assertRefused(canvas(), null, Map.of(EMAIL, "a@b"), "recipients[0].prioritization")
                .hasMessageContaining("option prioritization");
    }

    @Test
    void broadcastOptionMakesABroadcastAndNothingElseCan() {
        BrazeTriggerConfiguration broadcast = canvas();
        broadcast.setBroadcast(true);
        Map<String, Object> bodyFalse = Map.of("broadcast", false, "context", Map.of("k", 1));

        assertWritesAs(map(broadcast, null), "{'canvas_id':'canvas-1','broadcast':true}");
        assertWritesAs(map(broadcast, bodyFalse), "{'canvas_id':'canvas-1','broadcast':true,'context':{'k':1}}");
        assertWritesAs(map(broadcast, Map.of("recipients", List.of())), "{'canvas_id':'canvas-1','broadcast':true}");
        assertRefused(canvas(), Map.of("broadcast", true), "broadcast").hasMessageContaining("set broadcast=true on the endpoint");
        assertRefused(broadcast, null, USER, "recipients").hasMessageContaining("not allowed with broadcast=true");
    }

    @Test
    void bodyBroadcastFalseOnANormalEndpointIsKept() {
        Map<String, Object> body = Map.of("broadcast", false, "recipients", List.of(Map.of("external_user_id", "u")));

        assertWritesAs(map(canvas(), body), "{'canvas_id':'canvas-1','broadcast':false,'recipients':[{'external_user_id':'u'}]}");
    }

    @Test
    void sendToExistingOnlyOptionFillsRecipientsButNeverAliases() {
        BrazeTriggerConfiguration configuration = campaign();
        configuration.setSendToExistingOnly(false);
        List<Object> body = List.of(
                Recipient.externalUserId("a").withAttributes(Map.of("first_name", "A")),
                Recipient.externalUserId("b").withSendToExistingOnly(true),
                Recipient.userAlias("n", "l"));

        assertWritesAs(map(configuration, body), """
                {'campaign_id':'campaign-1','recipients':[
                  {'external_user_id':'a','send_to_existing_only':false,'attributes':{'first_name':'A'}},
                  {'external_user_id':'b','send_to_existing_only':true},
                  {'user_alias':{'alias_name':'n','alias_label':'l'}}]}""");
    }

    @Test
    void sendToExistingOnlyFalseWithoutAttributesIsRefused() {
        BrazeTriggerConfiguration configuration = campaign();
        configuration.setSendToExistingOnly(false);

        assertRefused(configuration, null, USER, "recipients[0].attributes").hasMessageContaining("send_to_existing_only is false");
    }
}
