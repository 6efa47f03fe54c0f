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

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelets shipped in the jar expose the endpoint options a low-code user needs, each wired to the option of the same
 * name, with no key of their own unless the user gives one. When the component gains an endpoint option, this test fails
 * until the option is added to both Kamelets (one property block and one template line) or listed below as not exposed.
 * The Kamelets run in examples' KameletsTest (camel-kamelet is not published at 4.22.0, so only examples has it).
 */
class KameletDefinitionTest {

    /** Endpoint options deliberately not offered by the Kamelets, with the reason. */
    static final Map<String, String> NOT_EXPOSED = Map.ofEntries(
            Map.entry("operation", "fixed by each Kamelet"),
            Map.entry("lazyStartProducer", "Camel plumbing, not a Braze setting"),
            Map.entry("sslContextParameters", "a bean reference: set it on the component"),
            Map.entry("maxTotalConnections", "connection pool sizing: set it on endpoints in Java or YAML"),
            Map.entry("connectionsPerRoute", "connection pool sizing: set it on endpoints in Java or YAML"),
            Map.entry("action", "the send Kamelets send; braze-canvas-schedule-sink schedules, moves and cancels"),
            Map.entry("scheduleTime", "scheduling: braze-canvas-schedule-sink"),
            Map.entry("inLocalTime", "scheduling: braze-canvas-schedule-sink"),
            Map.entry("atOptimalTime", "scheduling: braze-canvas-schedule-sink"));

    /** Bulk-send options the core team has just added: the lead adds them to the Kamelets (one block each). */
    static final Set<String> PENDING = Set.of();

    @SuppressWarnings("unchecked")
    static Map<String, Object> kamelet(String name) throws Exception {
        try (InputStream in = KameletDefinitionTest.class.getClassLoader().getResourceAsStream("kamelets/" + name + ".kamelet.yaml")) {
            assertThat(in).as("kamelets/%s.kamelet.yaml in the jar", name).isNotNull();
            return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> map, String... path) {
        Object node = map;
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
        }
        return (T) node;
    }

    @ParameterizedTest
    @ValueSource(strings = { "braze-canvas-sink", "braze-campaign-sink" })
    void everyPropertyIsAnEndpointOptionWiredUnderItsOwnName(String name) throws Exception {
        Map<String, Object> kamelet = kamelet(name);
        String operation = name.contains("canvas") ? "canvas" : "campaign";
        String idOption = operation + "Id";
        Map<String, Map<String, Object>> properties = at(kamelet, "spec", "definition", "properties");
        List<String> required = at(kamelet, "spec", "definition", "required");
        List<Map<String, Object>> steps = at(kamelet, "spec", "template", "from", "steps");
        Map<String, Object> to = at(steps.get(0), "to");
        Map<String, Object> parameters = at(to, "parameters");
        JsonNode options = ComponentDescriptorTest.descriptor().path("properties");

        assertThat(to.get("uri")).isEqualTo("braze-trigger:" + operation);
        assertThat(required).containsExactly(idOption);
        assertThat(parameters.keySet()).as("template parameters = properties, same order").containsExactlyElementsOf(properties.keySet());

        properties.forEach((option, definition) -> {
            JsonNode descriptor = options.path(option);
            assertThat(descriptor.isMissingNode()).as("%s is an endpoint option", option).isFalse();
            assertThat(definition.get("title")).as("%s title", option).isNotNull();
            assertThat(String.valueOf(definition.get("description"))).as("%s description", option).hasSizeGreaterThan(10);
            assertThat(definition).as("%s: no Kamelet default, so the component's setting applies when empty", option)
                    .doesNotContainKey("default");
            String type = descriptor.path("type").asText();
            String expected = switch (type) {
                case "integer", "duration" -> "integer";
                case "boolean" -> "boolean";
                default -> "string";
            };
            assertThat(definition.get("type")).as("%s type (descriptor: %s)", option, type).isEqualTo(expected);
            String placeholder = option.equals(idOption) ? "{{" + option + "}}" : "{{?" + option + "}}";
            assertThat(parameters.get(option)).as("%s in the template", option).isEqualTo(placeholder);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "braze-canvas-sink", "braze-campaign-sink", "braze-canvas-schedule-sink" })
    void theKeyIsOptionalSecretAndNeverInTheTemplateUnlessGiven(String name) throws Exception {
        Map<String, Object> kamelet = kamelet(name);
        Map<String, Object> apiKey = at(kamelet, "spec", "definition", "properties", "apiKey");
        assertThat(apiKey).containsEntry("format", "password");
        assertThat((List<String>) at(apiKey, "x-descriptors")).contains("urn:camel:group:credentials");
        assertThat(String.valueOf(apiKey.get("description"))).contains("component");
        assertThat((List<String>) at(kamelet, "spec", "definition", "required")).doesNotContain("apiKey");
        assertThat((Object) at(kamelet, "spec", "template", "from", "steps")).asString().contains("apiKey={{?apiKey}}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "braze-canvas-sink", "braze-campaign-sink" })
    void everyEndpointOptionIsExposedOrExplained(String name) throws Exception {
        Map<String, Map<String, Object>> properties = at(kamelet(name), "spec", "definition", "properties");
        String other = name.contains("canvas") ? "campaign" : "canvas";
        List<String> missing = new ArrayList<>();
        ComponentDescriptorTest.descriptor().path("properties").fieldNames().forEachRemaining(option -> {
            boolean otherOperationOnly = option.equals(other + "Id") || (other.equals("campaign") && option.equals("sendId"));
            if (!properties.containsKey(option) && !NOT_EXPOSED.containsKey(option) && !PENDING.contains(option)
                && !otherOperationOnly) {
                missing.add(option);
            }
        });
        assertThat(missing).as("endpoint options neither in %s nor listed in NOT_EXPOSED/PENDING", name).isEmpty();
        assertThat(properties).containsKeys("maxRetries", "batchSize", "batchTimeout", "retryInitialDelay", "retryMaxDelay",
                "retryAmbiguousFailures", "rateLimitMaxWait", "externalIdField", "emailField", "aliasNameField",
                "aliasLabelField", "contextFields", "attributeFields");
    }

    @ParameterizedTest
    @ValueSource(strings = { "braze-canvas-sink", "braze-campaign-sink", "braze-canvas-schedule-sink" })
    void hasAnSvgIcon(String name) throws Exception {
        Map<String, Object> kamelet = kamelet(name);
        String icon = at(kamelet, "metadata", "annotations", "camel.apache.org/kamelet.icon");
        assertThat(icon).startsWith("data:image/svg+xml;base64,");
        String svg = new String(Base64.getDecoder().decode(icon.substring(icon.indexOf(',') + 1)), StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>");
        assertThat((Object) at(kamelet, "metadata", "labels", "camel.apache.org/kamelet.type")).isEqualTo("sink");
    }
}
