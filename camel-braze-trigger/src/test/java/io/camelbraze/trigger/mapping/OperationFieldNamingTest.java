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

import static io.camelbraze.trigger.mapping.MappingFixture.assertRefused;
import static io.camelbraze.trigger.mapping.MappingFixture.campaign;
import static io.camelbraze.trigger.mapping.MappingFixture.canvas;
import static io.camelbraze.trigger.mapping.MappingFixture.map;
import static io.camelbraze.trigger.model.JsonTrees.assertWritesAs;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Canvas takes context, campaign takes trigger_properties / send_id / attachments; each refuses the other's fields. */
class OperationFieldNamingTest {

    private static final List<Map<String, Object>> ONE = List.of(Map.of("external_user_id", "u"));

    @Test
    void legacyCanvasEntryPropertiesIsSentAsContext() {
        String body = "{\"canvas_entry_properties\":{\"a\":1},\"recipients\":[{\"external_user_id\":\"u\","
                      + "\"canvas_entry_properties\":{\"b\":2}}]}";

        assertWritesAs(map(canvas(), body),
                "{'canvas_id':'canvas-1','context':{'a':1},'recipients':[{'external_user_id':'u','context':{'b':2}}]}");
        assertWritesAs(map(canvas(), Map.of("external_user_id", "u", "canvas_entry_properties", Map.of("b", 2))),
                "{'canvas_id':'canvas-1','recipients':[{'external_user_id':'u','context':{'b':2}}]}");
    }

    @Test
    void contextAndLegacyNameWithTheSameContentAreOneContext() {
        Map<String, Object> body = Map.of("context", Map.of("a", 1), "canvas_entry_properties", Map.of("a", 1), "recipients", ONE);

        assertWritesAs(map(canvas(), body), "{'canvas_id':'canvas-1','context':{'a':1},'recipients':[{'external_user_id':'u'}]}");
    }

    @Test
    void contextAndLegacyNameWithDifferentContentAreRefused() {
        assertRefused(canvas(), Map.of("context", Map.of("a", 1), "canvas_entry_properties", Map.of("a", 2), "recipients", ONE),
                "canvas_entry_properties").hasMessageContaining("send only context");
        assertRefused(canvas(), Map.of("recipients", List.of(Map.of("external_user_id", "u"),
                                                          Map.of("external_user_id", "v", "context", Map.of("a", 1),
                                                                 "canvas_entry_properties", Map.of("a", 2)))),
                "recipients[1].canvas_entry_properties");
    }

    @Test
    void campaignOnlyFieldsAreRefusedOnCanvasPointingToTheRightOne() {
        assertRefused(canvas(), Map.of("trigger_properties", Map.of("a", 1), "recipients", ONE), "trigger_properties")
                .hasMessageContaining("a Canvas takes context");
        assertRefused(canvas(), Map.of("attachments", List.of(Map.of("file_name", "f", "url", "u")), "recipients", ONE),
                "attachments").hasMessageContaining("campaign field");
        assertRefused(canvas(), List.of(Map.of("external_user_id", "u", "trigger_properties", Map.of("a", 1))),
                "recipients[0].trigger_properties").hasMessageContaining("a Canvas takes context");
        assertRefused(canvas(), Map.of("campaign_id", "x", "recipients", ONE), "campaign_id").hasMessageContaining("use canvas_id");
    }

    @Test
    void canvasOnlyFieldsAreRefusedOnCampaignPointingToTheRightOne() {
        assertRefused(campaign(), Map.of("context", Map.of("a", 1), "recipients", ONE), "context")
                .hasMessageContaining("a campaign takes trigger_properties");
        assertRefused(campaign(), Map.of("canvas_entry_properties", Map.of("a", 1), "recipients", ONE), "context")
                .hasMessageContaining("canvas_entry_properties");
        assertRefused(campaign(), List.of(Map.of("external_user_id", "u", "context", Map.of("a", 1))), "recipients[0].context");
        assertRefused(campaign(), Map.of("canvas_id", "x", "recipients", ONE), "canvas_id").hasMessageContaining("use campaign_id");
    }

    @Test
    void campaignRequestKeepsItsFields() {
        Map<String, Object> body = Map.of("trigger_properties", Map.of("a", 1), "send_id", "s-1",
                "attachments", List.of(Map.of("file_name", "invoice", "url", "https://x/i.pdf")),
                "recipients", List.of(Map.of("external_user_id", "u", "trigger_properties", Map.of("b", 2))));

        assertWritesAs(map(campaign(), body), """
                {'campaign_id':'campaign-1','send_id':'s-1','trigger_properties':{'a':1},
                 'recipients':[{'external_user_id':'u','trigger_properties':{'b':2}}],
                 'attachments':[{'file_name':'invoice','url':'https://x/i.pdf'}]}""");
    }
}
