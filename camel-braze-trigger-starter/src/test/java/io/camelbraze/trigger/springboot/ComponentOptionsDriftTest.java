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
package io.camelbraze.trigger.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.convert.DurationStyle;

/**
 * Keeps the starter in step with the component: every option in the component's JSON descriptor
 * ({@code componentProperties}, what Camel's tooling reads) must be a property of
 * {@link BrazeTriggerComponentConfiguration} and of the generated {@code spring-configuration-metadata.json}, with the
 * descriptor's description, default, type, enum values and secrecy; and the starter must bind nothing the component
 * does not have (Camel's copy ignores unknown options silently). When the component gains an option, this test fails
 * and prints the field to add.
 */
class ComponentOptionsDriftTest {

    private static final String DESCRIPTOR = "META-INF/io/camelbraze/trigger/braze-trigger.json";
    private static final String METADATA = "META-INF/spring-configuration-metadata.json";
    private static final String PREFIX = BrazeTriggerComponentConfiguration.PREFIX + ".";
    /** Starter-only properties (from ComponentConfigurationPropertiesCommon), not component options. */
    private static final Set<String> STARTER_ONLY = Set.of("enabled", "customizer.enabled");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, JsonNode> options;
    private static Map<String, JsonNode> metadata;
    private static Map<String, JsonNode> hints;

    @BeforeAll
    static void read() throws IOException {
        options = new LinkedHashMap<>();
        readJson(DESCRIPTOR).path("componentProperties").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue()));
        JsonNode starterMetadata = starterMetadata();
        metadata = new LinkedHashMap<>();
        starterMetadata.path("properties").forEach(p -> metadata.put(p.path("name").asText(), p));
        hints = new LinkedHashMap<>();
        starterMetadata.path("hints").forEach(h -> hints.put(h.path("name").asText(), h));
    }

    @Test
    void descriptorHasOptions() {
        assertThat(options).as(DESCRIPTOR).containsKeys("apiKey", "instance", "baseUri");
    }

    @Test
    void everyComponentOptionIsAPropertyOfTheConfigurationClass() {
        List<String> missing = new ArrayList<>();
        options.forEach((name, option) -> {
            PropertyDescriptor property = BeanUtils.getPropertyDescriptor(BrazeTriggerComponentConfiguration.class, name);
            if (property == null || property.getReadMethod() == null || property.getWriteMethod() == null) {
                missing.add(fieldToAdd(name, option));
            } else if (!property.getPropertyType().getName().equals(springType(option))) {
                missing.add(name + ": type " + property.getPropertyType().getName() + ", expected " + springType(option));
            }
        });
        assertThat(missing).as("component options missing from %s (add them, with getter and setter):%n%s",
                BrazeTriggerComponentConfiguration.class.getSimpleName(), String.join("\n", missing)).isEmpty();
    }

    @Test
    void everyComponentOptionIsInTheMetadataWithItsDescriptionDefaultAndType() {
        List<String> problems = new ArrayList<>();
        options.forEach((name, option) -> {
            JsonNode property = metadata.get(PREFIX + kebab(name));
            if (property == null) {
                problems.add(PREFIX + kebab(name) + ": missing");
                return;
            }
            String description = normalise(option.path("description").asText());
            if (!normalise(property.path("description").asText()).startsWith(description)) {
                problems.add(name + ": description should start with \"" + description + "\" but is \""
                             + property.path("description").asText() + "\"");
            }
            if (!property.path("type").asText().equals(springType(option))) {
                problems.add(name + ": type " + property.path("type").asText() + ", expected " + springType(option));
            }
            String expectedDefault = option.hasNonNull("defaultValue") ? option.get("defaultValue").asText() : null;
            String actualDefault = property.hasNonNull("defaultValue") ? property.get("defaultValue").asText() : null;
            if (!sameDefault(option, expectedDefault, actualDefault)) {
                problems.add(name + ": default " + actualDefault + ", expected " + expectedDefault);
            }
        });
        assertThat(problems).as("%s out of step with %s:%n%s", METADATA, DESCRIPTOR, String.join("\n", problems)).isEmpty();
    }

    @Test
    void theStarterBindsNothingTheComponentDoesNotHave() {
        Set<String> extra = new TreeSet<>();
        metadata.keySet().stream().filter(key -> key.startsWith(PREFIX)).map(key -> key.substring(PREFIX.length()))
                .filter(key -> !STARTER_ONLY.contains(key))
                .filter(key -> options.keySet().stream().noneMatch(option -> kebab(option).equals(key)))
                .forEach(extra::add);
        assertThat(extra).as("starter properties that are not options of the component (Camel would ignore them)").isEmpty();
    }

    @Test
    void enumOptionsHaveTheirValuesAsHints() {
        options.forEach((name, option) -> {
            if (option.has("enum")) {
                List<String> expected = new ArrayList<>();
                option.get("enum").forEach(v -> expected.add(v.asText()));
                JsonNode hint = hints.get(PREFIX + kebab(name));
                assertThat(hint).as("hint for %s in additional-spring-configuration-metadata.json", name).isNotNull();
                List<String> actual = new ArrayList<>();
                hint.path("values").forEach(v -> actual.add(v.path("value").asText()));
                assertThat(actual).as("hint values of %s", name).isEqualTo(expected);
            }
        });
    }

    @Test
    void everySecretOptionIsMasked() {
        Set<String> secrets = new TreeSet<>();
        options.forEach((name, option) -> {
            if (option.path("secret").asBoolean()) {
                secrets.add(name);
            }
        });
        assertThat(secrets).isNotEmpty();
        assertThat(new TreeSet<>(BrazeTriggerSanitizingAutoConfiguration.SECRET_OPTIONS)).isEqualTo(secrets);
    }

    /** The Spring type of an option: boxed primitives, durations as {@link Duration}. */
    private static String springType(JsonNode option) {
        String javaType = option.path("javaType").asText();
        if ("duration".equals(option.path("type").asText())) {
            return Duration.class.getName();
        }
        return switch (javaType) {
            case "int" -> Integer.class.getName();
            case "long" -> Long.class.getName();
            case "boolean" -> Boolean.class.getName();
            case "double" -> Double.class.getName();
            case "float" -> Float.class.getName();
            default -> javaType;
        };
    }

    private static boolean sameDefault(JsonNode option, String expected, String actual) {
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        if ("duration".equals(option.path("type").asText())) {
            return DurationStyle.detectAndParse(actual).toMillis() == DurationStyle.detectAndParse(expected).toMillis();
        }
        return expected.equals(actual);
    }

    /** A field to paste into the configuration class for a missing option. */
    private static String fieldToAdd(String name, JsonNode option) {
        String type = springType(option);
        String simpleType = type.startsWith("java.lang.") ? type.substring("java.lang.".length()) : type;
        String initialiser = "";
        if (option.hasNonNull("defaultValue")) {
            String value = option.get("defaultValue").asText();
            initialiser = switch (simpleType) {
                case "String" -> " = \"" + value + "\"";
                case "Long" -> " = " + value + "L";
                case "java.time.Duration" -> " = Duration.ofMillis(" + value + ")";
                default -> " = " + value;
            };
        }
        return "    /**\n     * " + option.path("description").asText() + "\n     */\n    private " + simpleType + " " + name
               + initialiser + ";";
    }

    static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private static JsonNode readJson(String resource) throws IOException {
        URL url = ComponentOptionsDriftTest.class.getClassLoader().getResource(resource);
        assertThat(url).as(resource + " on the classpath").isNotNull();
        try (InputStream in = url.openStream()) {
            return JSON.readTree(in);
        }
    }

    /** The starter's own metadata file among all those on the classpath. */
    private static JsonNode starterMetadata() throws IOException {
        for (URL url : Collections.list(ComponentOptionsDriftTest.class.getClassLoader().getResources(METADATA))) {
            try (InputStream in = url.openStream()) {
                JsonNode json = JSON.readTree(in);
                for (JsonNode group : json.path("groups")) {
                    if (BrazeTriggerComponentConfiguration.class.getName().equals(group.path("type").asText())) {
                        return json;
                    }
                }
            }
        }
        throw new AssertionError(METADATA + " of the starter is not on the classpath: is the configuration processor on"
                                 + " the compiler's path?");
    }
}
