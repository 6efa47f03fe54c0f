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

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CatalogCamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated JSON descriptor is what tooling (Kaoto, Karavan, JBang, IDEs) reads: every option and header documented. */
class ComponentDescriptorTest {

    static JsonNode descriptor() throws Exception {
        try (CatalogCamelContext context = new DefaultCamelContext()) {
            String json = context.getComponentParameterJsonSchema("braze-trigger");
            assertThat(json).as("generated descriptor on the classpath").isNotNull();
            return new ObjectMapper().readTree(json);
        }
    }

    @Test
    void describesTheComponent() throws Exception {
        JsonNode component = descriptor().path("component");
        assertThat(component.path("scheme").asText()).isEqualTo("braze-trigger");
        assertThat(component.path("syntax").asText()).isEqualTo("braze-trigger:operation");
        assertThat(component.path("producerOnly").asBoolean()).isTrue();
        assertThat(component.path("groupId").asText()).isEqualTo("io.camelbraze");
        assertThat(component.path("artifactId").asText()).isEqualTo("camel-braze-trigger");
    }

    @Test
    void everyOptionHasADescriptionAndTheApiKeyIsSecret() throws Exception {
        JsonNode json = descriptor();
        for (String section : List.of("componentProperties", "properties")) {
            json.path(section).fields().forEachRemaining(option -> assertThat(option.getValue().path("description").asText())
                    .as("%s.%s description", section, option.getKey()).isNotBlank());
        }
        assertThat(json.path("componentProperties").path("apiKey").path("secret").asBoolean()).isTrue();
        assertThat(json.path("properties").path("apiKey").path("secret").asBoolean()).isTrue();
        assertThat(json.path("properties").path("operation").path("required").asBoolean()).isTrue();
    }

    @Test
    void listsTheOptionsTheIssueNames() throws Exception {
        JsonNode json = descriptor();
        List<String> endpointOptions = new ArrayList<>();
        json.path("properties").fieldNames().forEachRemaining(endpointOptions::add);
        assertThat(endpointOptions).contains("operation", "canvasId", "campaignId", "instance", "baseUri", "apiKey", "broadcast",
                "sendToExistingOnly", "sendId", "externalIdField", "emailField", "aliasNameField", "aliasLabelField",
                "contextFields", "attributeFields", "connectTimeout", "requestTimeout", "maxRetries");
        List<String> componentOptions = new ArrayList<>();
        json.path("componentProperties").fieldNames().forEachRemaining(componentOptions::add);
        assertThat(componentOptions).contains("instance", "baseUri", "apiKey", "connectTimeout", "requestTimeout", "maxRetries");
    }

    @Test
    void everyHeaderConstantIsDescribed() throws Exception {
        JsonNode headers = descriptor().path("headers");
        for (Field field : BrazeTriggerConstants.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && field.isAnnotationPresent(org.apache.camel.spi.Metadata.class)) {
                String name = (String) field.get(null);
                assertThat(headers.path(name).path("description").asText()).as("header %s", name).isNotBlank();
            }
        }
        assertThat(headers.has("CamelBrazeDispatchId")).isTrue();
        assertThat(headers.has("CamelBrazeErrors")).isTrue();
    }
}
