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
import static io.camelbraze.trigger.mapping.MappingFixture.canvas;
import static io.camelbraze.trigger.mapping.MappingFixture.map;
import static io.camelbraze.trigger.model.JsonTrees.assertWritesAs;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.camel.WrappedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelbraze.trigger.BrazeTriggerConstants;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;

class BrazeRequestMapperBodyTest {

    private static final String ONE_USER = "{'canvas_id':'canvas-1','recipients':[{'external_user_id':'u1'}]}";
    private static final String FULL_REQUEST_JSON = """
            {"context":{"product":"shoes"},"recipients":[
              {"external_user_id":"u1","context":{"size":10},"attributes":{"first_name":"Alex"}},
              {"email":"a@example.com","prioritization":["unidentified","most_recently_updated"]}]}""";
    private static final String FULL_REQUEST_SENT = """
            {'canvas_id':'canvas-1','context':{'product':'shoes'},'recipients':[
              {'external_user_id':'u1','context':{'size':10},'attributes':{'first_name':'Alex'}},
              {'email':'a@example.com','prioritization':['unidentified','most_recently_updated']}]}""";

    @TempDir
    Path directory;

    /** A POJO whose properties carry Braze's names. */
    record Customer(@JsonProperty("external_user_id") String id, Map<String, Object> attributes) {
    }

    @Test
    void nullBodyTakesTheRecipientFromHeaders() {
        TriggerRequest request = map(canvas(), null, Map.of(BrazeTriggerConstants.EXTERNAL_USER_ID, "u1"));

        assertWritesAs(request, ONE_USER);
    }

    @Test
    void blankTextIsNoBody() {
        assertWritesAs(map(canvas(), "  \n", Map.of(BrazeTriggerConstants.EXTERNAL_USER_ID, "u1")), ONE_USER);
    }

    @Test
    void mapWithRequestFieldsIsTheFullRequest() {
        Map<String, Object> body = Map.of("context", Map.of("product", "shoes"),
                "recipients", List.of(Map.of("external_user_id", "u1", "context", Map.of("size", 10),
                                              "attributes", Map.of("first_name", "Alex")),
                                       Map.of("email", "a@example.com",
                                              "prioritization", List.of("unidentified", "most_recently_updated"))));

        assertWritesAs(map(canvas(), body), FULL_REQUEST_SENT);
    }

    @Test
    void mapWithOnlyTopLevelContextIsARequestAndTheRecipientComesFromHeaders() {
        TriggerRequest request = map(canvas(), Map.of("context", Map.of("k", "v")),
                Map.of(BrazeTriggerConstants.EXTERNAL_USER_ID, "u1"));

        assertWritesAs(request, "{'canvas_id':'canvas-1','context':{'k':'v'},'recipients':[{'external_user_id':'u1'}]}");
    }

    @Test
    void mapNamingAUserIsOneRecipientEvenWithContext() {
        TriggerRequest request = map(canvas(), Map.of("external_user_id", "u1", "context", Map.of("size", 10)));

        assertWritesAs(request, "{'canvas_id':'canvas-1','recipients':[{'external_user_id':'u1','context':{'size':10}}]}");
    }

    @Test
    void pojoIsConvertedWithJackson() {
        TriggerRequest request = map(canvas(), new Customer("u1", Map.of("vip", true)));

        assertWritesAs(request, "{'canvas_id':'canvas-1','recipients':[{'external_user_id':'u1','attributes':{'vip':true}}]}");
    }

    @Test
    void typedModelIsTakenAsIs() {
        TriggerRequest typed = TriggerRequest.canvas("canvas-9").withRecipients(Recipient.userAlias("n", "l"));

        assertThat(map(canvas(), typed)).isEqualTo(typed);
        assertWritesAs(map(canvas(), Recipient.externalUserId("u1")), ONE_USER);
    }

    @Test
    void jsonTextBytesStreamsReadersAndFilesAreParsedAsUtf8() throws IOException {
        byte[] utf8 = FULL_REQUEST_JSON.getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(directory.resolve("request.json"), utf8);

        assertWritesAs(map(canvas(), FULL_REQUEST_JSON), FULL_REQUEST_SENT);
        assertWritesAs(map(canvas(), utf8), FULL_REQUEST_SENT);
        assertWritesAs(map(canvas(), new ByteArrayInputStream(utf8)), FULL_REQUEST_SENT);
        assertWritesAs(map(canvas(), new StringReader(FULL_REQUEST_JSON)), FULL_REQUEST_SENT);
        assertWritesAs(map(canvas(), file.toFile()), FULL_REQUEST_SENT);
        assertWritesAs(map(canvas(), file), FULL_REQUEST_SENT);
        assertWritesAs(map(canvas(), wrapped(file.toFile())), FULL_REQUEST_SENT);
    }

    @Test
    void nonAsciiTextSurvivesTheUtf8Round() {
        byte[] body = "{\"external_user_id\":\"ü-1\",\"context\":{\"name\":\"Zoë ✓\"}}".getBytes(StandardCharsets.UTF_8);

        TriggerRequest request = map(canvas(), new ByteArrayInputStream(body));

        assertThat(request.recipients().get(0).externalUserId()).isEqualTo("ü-1");
        assertThat(request.recipients().get(0).context()).containsEntry("name", "Zoë ✓");
    }

    @Test
    void malformedJsonIsRefusedAsBody() {
        assertRefused(canvas(), "{\"recipients\": [", "body").hasMessageContaining("malformed JSON at line 1");
        assertRefused(canvas(), "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8), "body").hasMessageContaining("malformed JSON");
        assertRefused(canvas(), "42", "body").hasMessageContaining("must be an object");
        assertRefused(canvas(), 42, "body").hasMessageContaining("Integer is neither a Braze request nor a recipient");
    }

    @Test
    void listsArraysIterablesAndJsonArraysAreRecipientsInOrder() {
        String expected = "{'canvas_id':'canvas-1','recipients':[{'external_user_id':'a'},{'external_user_id':'b'},"
                          + "{'user_alias':{'alias_name':'n','alias_label':'l'}}]}";
        List<Object> list = List.of(Map.of("external_user_id", "a"), Recipient.externalUserId("b"),
                Map.of("user_alias", Map.of("alias_name", "n", "alias_label", "l")));
        Iterable<Object> iterable = list::iterator;
        Iterator<Object> iterator = list.iterator();

        assertWritesAs(map(canvas(), list), expected);
        assertWritesAs(map(canvas(), list.toArray()), expected);
        assertWritesAs(map(canvas(), iterable), expected);
        assertWritesAs(map(canvas(), iterator), expected);
        assertWritesAs(map(canvas(), "[{\"external_user_id\":\"a\"},{\"external_user_id\":\"b\"},"
                                     + "{\"user_alias\":{\"alias_name\":\"n\",\"alias_label\":\"l\"}}]"), expected);
        assertWritesAs(map(canvas(), new Customer[] { new Customer("a", null) }),
                "{'canvas_id':'canvas-1','recipients':[{'external_user_id':'a'}]}");
    }

    @Test
    void csvRowWithoutMapsIsRefusedWithAHint() {
        assertRefused(canvas(), List.of("u1", "Alex"), "recipients[0]").hasMessageContaining("String is not a recipient")
                .hasMessageContaining("useMaps=true");
        assertRefused(canvas(), List.of(List.of("u1", "Alex")), "recipients[0]").hasMessageContaining("useMaps=true");
    }

    @Test
    void emptyListIsRefusedNeverABroadcast() {
        var configuration = canvas();
        configuration.setBroadcast(true);

        assertRefused(configuration, new ArrayList<>(), "body").hasMessageContaining("no recipients");
        assertRefused(canvas(), "[]", "body").hasMessageContaining("no recipients");
    }

    @Test
    void mapThatIsNeitherRequestNorRecipientSaysHowToFixIt() {
        assertRefused(canvas(), Map.of("user_id", "u1", "name", "Alex"), "recipients[0]")
                .hasMessageContaining("[name, user_id]").hasMessageContaining("Braze's field names")
                .hasMessageContaining("externalIdField");
        assertRefused(canvas(), List.of(Map.of("external_user_id", "a"), Map.of("uid", "b")), "recipients[1]");
        assertRefused(canvas(), List.of(Map.of("canvas_id", "c", "recipients", List.of())), "recipients[0]")
                .hasMessageContaining("a request, but a list holds recipients");
    }

    @Test
    void typosInBrazeNamesAreReportedWithTheirPath() {
        assertRefused(canvas(), Map.of("external_user_id", "u1", "atributes", Map.of()), "recipients[0].atributes")
                .hasMessageContaining("unknown field").hasMessageContaining("attributes");
        assertRefused(canvas(), "{\"recipients\":[{\"external_user_id\":\"a\"},{\"extrenal_user_id\":\"b\"}]}",
                "recipients[1].extrenal_user_id");
        assertRefused(canvas(), "{\"recipients\":[{\"external_user_id\":\"a\",\"send_to_existing_only\":[1]}]}",
                "recipients[0].send_to_existing_only").hasMessageContaining("wrong type");
    }

    @Test
    void bodyMapsAreNotModified() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("canvas_entry_properties", Map.of("a", 1));
        body.put("recipients", List.of(Map.of("external_user_id", "u1")));

        TriggerRequest request = map(canvas(), body);

        assertThat(request.context()).isEqualTo(Map.of("a", 1));
        assertThat(body).containsOnlyKeys("canvas_entry_properties", "recipients");
    }

    private static WrappedFile<File> wrapped(File file) {
        return new WrappedFile<>() {
            @Override
            public File getFile() {
                return file;
            }

            @Override
            public Object getBody() {
                return file;
            }

            @Override
            public long getFileLength() {
                return file.length();
            }
        };
    }
}
