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

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.camelbraze.trigger.BrazeTriggerConfiguration;

class FlatRecordMappingTest {

    /** A flat POJO, as a bean-mapped SQL row might be. */
    public record CustomerRow(String userId, int points) {
    }

    private static BrazeTriggerConfiguration byExternalId(BrazeTriggerConfiguration configuration) {
        configuration.setExternalIdField("user_id");
        configuration.setContextFields("plan, points");
        configuration.setAttributeFields("first_name");
        return configuration;
    }

    private static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }

    @Test
    void csvRowsBecomeRecipientsWithContextOnCanvas() {
        List<Map<String, Object>> rows = List.of(row("user_id", "u1", "plan", "gold", "points", "12", "first_name", "Ann"),
                row("user_id", "u2", "plan", "free", "first_name", "Bob", "unmapped", "x"));

        assertWritesAs(map(byExternalId(canvas()), rows), """
                {'canvas_id':'canvas-1','recipients':[
                  {'external_user_id':'u1','context':{'plan':'gold','points':'12'},'attributes':{'first_name':'Ann'}},
                  {'external_user_id':'u2','context':{'plan':'free'},'attributes':{'first_name':'Bob'}}]}""");
    }

    @Test
    void onCampaignTheContextFieldsGoToTriggerProperties() {
        assertWritesAs(map(byExternalId(campaign()), row("user_id", "u1", "plan", "gold")),
                "{'campaign_id':'campaign-1','recipients':[{'external_user_id':'u1','trigger_properties':{'plan':'gold'}}]}");
    }

    @Test
    void sqlRowsKeepNumbersAndDatesAndSkipNulls() {
        Map<String, Object> sqlRow = row("user_id", 42L, "plan", null, "points", new BigDecimal("12.50"),
                "first_name", "Ann", "signed_up", Timestamp.from(Instant.parse("2024-01-02T03:04:05Z")),
                "birthday", LocalDate.of(1990, 5, 17));
        BrazeTriggerConfiguration configuration = byExternalId(canvas());
        configuration.setAttributeFields("first_name,signed_up,birthday");

        assertWritesAs(map(configuration, List.of(sqlRow)), """
                {'canvas_id':'canvas-1','recipients':[{'external_user_id':'42','context':{'points':12.50},
                  'attributes':{'first_name':'Ann','signed_up':'2024-01-02T03:04:05.000+00:00','birthday':'1990-05-17'}}]}""");
        assertWritesAs(map(configuration, row("user_id", new BigDecimal("1E+3"))),
                "{'canvas_id':'canvas-1','recipients':[{'external_user_id':'1000'}]}");
    }

    @Test
    void caseInsensitiveRowMapsAreLookedUpAsTheyAre() {
        Map<String, Object> upperCaseRow = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        upperCaseRow.put("USER_ID", "u1");
        upperCaseRow.put("PLAN", "gold");

        assertWritesAs(map(byExternalId(canvas()), upperCaseRow),
                "{'canvas_id':'canvas-1','recipients':[{'external_user_id':'u1','context':{'plan':'gold'}}]}");
    }

    @Test
    void anEmailColumnIsNotAnIdentifierUnlessMapped() {
        BrazeTriggerConfiguration configuration = canvas();
        configuration.setExternalIdField("id");
        configuration.setAttributeFields("email");

        assertWritesAs(map(configuration, row("id", "u1", "email", "a@x")),
                "{'canvas_id':'canvas-1','recipients':[{'external_user_id':'u1','attributes':{'email':'a@x'}}]}");
        assertRefused(configuration, row("email", "a@x"), "recipients[0]").hasMessageContaining("'id' (externalIdField)");
    }

    @Test
    void missingOrBlankIdentifierNamesFieldAndPosition() {
        BrazeTriggerConfiguration configuration = byExternalId(canvas());
        List<Map<String, Object>> rows = List.of(row("user_id", "a"), row("user_id", "b"), row("user_id", " "));

        assertRefused(configuration, rows, "recipients[2]").hasMessageContaining("no value in field 'user_id' (externalIdField)");
    }

    @Test
    void identifierPrecedenceIsExternalIdThenAliasThenEmail() {
        BrazeTriggerConfiguration configuration = canvas();
        configuration.setExternalIdField("id");
        configuration.setAliasNameField("alias");
        configuration.setAliasLabelField("label");
        configuration.setEmailField("mail");
        configuration.setPrioritization("most_recently_updated");
        List<Map<String, Object>> rows = List.of(row("id", "u1", "alias", "n", "label", "l", "mail", "a@x"),
                row("id", "", "alias", "n", "label", "l", "mail", "a@x"), row("mail", "b@x"));

        assertWritesAs(map(configuration, rows), """
                {'canvas_id':'canvas-1','recipients':[{'external_user_id':'u1'},
                  {'user_alias':{'alias_name':'n','alias_label':'l'}},
                  {'email':'b@x','prioritization':['most_recently_updated']}]}""");
        assertRefused(configuration, List.of(row("alias", "n")), "recipients[0]").hasMessageContaining("'label' (aliasLabelField)");
        assertRefused(configuration, List.of(row("x", "y")), "recipients[0]")
                .hasMessageContaining("any of the fields 'id' (externalIdField), 'alias' (aliasNameField), 'mail' (emailField)");
    }

    @Test
    void incompleteMappingOptionsAreRefused() {
        BrazeTriggerConfiguration aliasNameOnly = canvas();
        aliasNameOnly.setAliasNameField("alias");
        BrazeTriggerConfiguration contextOnly = canvas();
        contextOnly.setContextFields("plan");

        assertRefused(aliasNameOnly, row("alias", "n"), "aliasLabelField");
        assertRefused(contextOnly, row("external_user_id", "u1", "plan", "gold"), "externalIdField")
                .hasMessageContaining("need an identifier field");
    }

    @Test
    void aFullRequestStaysAFullRequestInBrazeNamesWithMappingOptions() {
        Map<String, Object> request = Map.of("recipients", List.of(row("external_user_id", "u1")), "context", Map.of("k", 1));

        assertWritesAs(map(byExternalId(canvas()), request),
                "{'canvas_id':'canvas-1','context':{'k':1},'recipients':[{'external_user_id':'u1'}]}");
    }

    @Test
    void flatPojosAndJsonRecordsAreFlatRecordsToo() {
        BrazeTriggerConfiguration configuration = canvas();
        configuration.setExternalIdField("userId");
        configuration.setAttributeFields("points");
        Map<String, Object> nonStringKeys = new HashMap<>();
        nonStringKeys.put("userId", "u3");

        assertWritesAs(map(configuration, List.of(new CustomerRow("u1", 7))),
                "{'canvas_id':'canvas-1','recipients':[{'external_user_id':'u1','attributes':{'points':7}}]}");
        assertWritesAs(map(configuration, "[{\"userId\":\"u2\",\"points\":3}]"),
                "{'canvas_id':'canvas-1','recipients':[{'external_user_id':'u2','attributes':{'points':3}}]}");
        assertWritesAs(map(configuration, nonStringKeys), "{'canvas_id':'canvas-1','recipients':[{'external_user_id':'u3'}]}");
    }
}
