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
package io.camelbraze.trigger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's option and header tables are generated from the component's JSON descriptor, so they cannot drift. After
 * changing an option or header, regenerate them with {@code mvn -pl camel-braze-trigger verify -Dreadme.update=true}.
 */
class ReadmeTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path ADOC = Path.of("src", "main", "docs", "braze-trigger-component.adoc");

    @Test
    void optionAndHeaderTablesMatchTheDescriptor() throws Exception {
        JsonNode descriptor = ComponentDescriptorTest.descriptor();
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String expected = replaceBetween(readme, "options", optionTables(descriptor));
        expected = replaceBetween(expected, "headers", headerTable(descriptor.path("headers")));
        if (Boolean.getBoolean("readme.update")) {
            Files.writeString(README, expected, StandardCharsets.UTF_8);
            readme = expected;
        }
        assertThat(readme).as("README tables (regenerate with -Dreadme.update=true)").isEqualTo(expected);
    }

    /**
     * The component's adoc page (src/main/docs, shipped in the jar for Camel's catalog) carries the same tables in AsciiDoc
     * between its "braze-trigger tables" markers: Camel's own include lines render only on Camel's documentation site.
     */
    @Test
    void adocTablesMatchTheDescriptor() throws Exception {
        JsonNode descriptor = ComponentDescriptorTest.descriptor();
        String adoc = Files.readString(ADOC, StandardCharsets.UTF_8);
        String start = "// braze-trigger tables: START\n";
        String end = "// braze-trigger tables: END";
        int from = adoc.indexOf(start);
        int to = adoc.indexOf(end);
        assertThat(from).as("adoc marker %s", start.trim()).isNotNegative();
        assertThat(to).as("adoc marker %s", end).isGreaterThan(from);
        String tables = "=== Component options\n\nSet as `camel.component.braze-trigger.*`; the defaults of every endpoint.\n\n"
                        + adocTable(descriptor.path("componentProperties"))
                        + "\n=== Endpoint options\n\n`braze-trigger:operation?options`, where the operation is `canvas` or"
                        + " `campaign`.\n\n" + adocTable(descriptor.path("properties"))
                        + "\n=== Message headers\n\n" + adocHeaders(descriptor.path("headers"));
        String expected = adoc.substring(0, from + start.length()) + tables + adoc.substring(to);
        if (Boolean.getBoolean("readme.update")) {
            Files.writeString(ADOC, expected, StandardCharsets.UTF_8);
            adoc = expected;
        }
        assertThat(adoc).as("adoc tables (regenerate with -Dreadme.update=true)").isEqualTo(expected);
    }

    private static String adocTable(JsonNode options) {
        StringBuilder out = new StringBuilder("[width=\"100%\",cols=\"2,1,1,1,5\",options=\"header\"]\n|===\n"
                                              + "| Option | Group | Default | Type | Description\n");
        options.fields().forEachRemaining(option -> {
            JsonNode o = option.getValue();
            out.append("| `").append(option.getKey()).append('`')
                    .append("path".equals(o.path("kind").asText()) ? " (path)" : "")
                    .append(o.path("required").asBoolean() ? " *required*" : "")
                    .append(" | ").append(o.path("group").asText())
                    .append(" | ").append(o.has("defaultValue") ? "`" + o.path("defaultValue").asText() + "`" : "")
                    .append(" | ").append(adocCell(o.path("type").asText()))
                    .append(" | ").append(adocCell(o.path("description").asText()))
                    .append(o.path("secret").asBoolean() ? " _(secret)_" : "")
                    .append('\n');
        });
        return out.append("|===\n").toString();
    }

    private static String adocHeaders(JsonNode headers) {
        StringBuilder out = new StringBuilder("[width=\"100%\",cols=\"2,2,5\",options=\"header\"]\n|===\n"
                                              + "| Header | Type | Description\n");
        headers.fields().forEachRemaining(header -> out.append("| `").append(header.getKey()).append("` | ")
                .append(adocCell(header.getValue().path("javaType").asText())).append(" | ")
                .append(adocCell(header.getValue().path("description").asText())).append('\n'));
        return out.append("|===\n").toString();
    }

    private static String adocCell(String text) {
        // {name} would be read as an attribute reference, | as a cell separator
        return text.replace("|", "\\|").replace("{", "\\{").replace("\n", " ");
    }

    private static String optionTables(JsonNode descriptor) {
        return "Component options (`camel.component.braze-trigger.*`), the defaults of every endpoint:\n\n"
               + table(descriptor.path("componentProperties"), false)
               + "\nEndpoint options: `braze-trigger:operation?options`, where the operation is `canvas` or `campaign`:\n\n"
               + table(descriptor.path("properties"), true);
    }

    private static String table(JsonNode options, boolean withPath) {
        StringBuilder out = new StringBuilder("| option | group | default | type | description |\n|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode o = option.getValue();
            String kind = withPath && "path".equals(o.path("kind").asText()) ? " (path)" : "";
            out.append("| `").append(option.getKey()).append('`').append(kind)
                    .append(o.path("required").asBoolean() ? " *required*" : "")
                    .append(" | ").append(o.path("group").asText())
                    .append(" | ").append(o.has("defaultValue") ? "`" + o.path("defaultValue").asText() + "`" : "")
                    .append(" | ").append(cell(o.path("type").asText()))
                    .append(" | ").append(cell(o.path("description").asText()))
                    .append(o.path("secret").asBoolean() ? " *(secret)*" : "")
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String headerTable(JsonNode headers) {
        StringBuilder out = new StringBuilder("| header | type | description |\n|---|---|---|\n");
        headers.fields().forEachRemaining(header -> out.append("| `").append(header.getKey()).append("` | ")
                .append(cell(header.getValue().path("javaType").asText())).append(" | ")
                .append(cell(header.getValue().path("description").asText())).append(" |\n"));
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String replaceBetween(String text, String marker, String content) {
        String start = "<!-- " + marker + ":start -->\n";
        String end = "<!-- " + marker + ":end -->";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        assertThat(from).as("README marker %s", start.trim()).isNotNegative();
        assertThat(to).as("README marker %s", end).isGreaterThan(from);
        return text.substring(0, from + start.length()) + content + text.substring(to);
    }
}
