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
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Drives org.apache.camel:camel-catalog 4.22.0 as IDE plugins and Kaoto do for a component outside Camel's catalog: add it
 * from its JSON descriptor, validate URIs, read its documentation. What the catalog cannot express (options valid for
 * one operation only, ranges) the component refuses when the endpoint is created, with a message naming the option:
 * no bad URI passes both.
 */
class CatalogTest {

    private static final String DESCRIPTOR = "META-INF/io/camelbraze/trigger/braze-trigger.json";

    private static CamelCatalog catalog;

    @BeforeAll
    static void addTheComponent() throws Exception {
        catalog = new DefaultCamelCatalog(true);
        try (InputStream in = CatalogTest.class.getClassLoader().getResourceAsStream(DESCRIPTOR)) {
            assertThat(in).as("descriptor %s in the jar", DESCRIPTOR).isNotNull();
            catalog.addComponent("braze-trigger", BrazeTriggerComponent.class.getName(),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theCatalogIsCamel422s() {
        assertThat(catalog.getCatalogVersion()).isEqualTo("4.22.0");
    }

    @Test
    void theCatalogKnowsTheComponentAndItsDocs() throws Exception {
        assertThat(catalog.findComponentNames()).contains("braze-trigger");
        assertThat(catalog.componentJSonSchema("braze-trigger")).contains("\"scheme\": \"braze-trigger\"");

        // componentAsciiDoc is new in the 4.22 catalog API this test runs against; it compiles against 4.18.1 (see the pom)
        String doc = (String) CamelCatalog.class.getMethod("componentAsciiDoc", String.class).invoke(catalog, "braze-trigger");
        assertThat(doc).as("componentAsciiDoc (found on the classpath, shipped in the jar)").isNotNull()
                .startsWith("= Braze Trigger Component")
                .contains(":artifactid: camel-braze-trigger")
                .contains(":description: Trigger Braze API-triggered Canvas and campaign sends")
                .contains("| `apiKey`");
    }

    @Test
    void theDescriptionIsPlainText() {
        String json = catalog.componentJSonSchema("braze-trigger");
        assertThat(json).contains("\"description\": \"Trigger Braze API-triggered Canvas and campaign sends")
                .doesNotContain("{code").doesNotContain("{@");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "braze-trigger:canvas?canvasId=cv-1",
            "braze-trigger:campaign?campaignId=cmp-1&sendId=spring-sale&instance=EU-01",
            "braze-trigger:canvas?canvasId=cv-1&batchSize=50&batchTimeout=250&maxRetries=0&rateLimitMaxWait=0",
            "braze-trigger:canvas?canvasId={{canvas.id}}&externalIdField=customer_id&contextFields=order_id,total",
            "braze-trigger:campaign?campaignId=c&connectTimeout=5000&requestTimeout=10000&retryInitialDelay=0&proxyPort=3128",
            "braze-trigger:canvas?canvasId=cv-1&apiKey=RAW(k+ey=1)" })
    void goodUrisPassTheCatalogAndTheComponent(String uri) {
        EndpointValidationResult result = catalog.validateEndpointProperties(uri);
        assertThat(result.isSuccess()).as("catalog: %s", result.summaryErrorMessage(false)).isTrue();

        if (!uri.contains("{{")) {
            CamelContext context = new DefaultCamelContext();
            try {
                assertThatCode(() -> context.getEndpoint(uri)).doesNotThrowAnyException();
            } finally {
                context.stop();
            }
        }
    }

    /** Bad URIs the catalog itself refuses (types, enums, unknown options): the component refuses them too. */
    @ParameterizedTest
    @ValueSource(strings = {
            "braze-trigger:messages?canvasId=cv-1",
            "braze-trigger:canvas?canvasId=cv-1&noSuchOption=1",
            "braze-trigger:canvas?canvasId=cv-1&batchSize=fifty",
            "braze-trigger:canvas?canvasId=cv-1&instance=US-09",
            "braze-trigger:canvas?canvasId=cv-1&broadcast=maybe",
            "braze-trigger:canvas?canvasId=cv-1&connectTimeout=soon" })
    void badUrisTheCatalogRefuses(String uri) {
        EndpointValidationResult result = catalog.validateEndpointProperties(uri);
        assertThat(result.isSuccess()).as("catalog refuses %s", uri).isFalse();

        assertThat(componentRefusal(uri)).as("the component refuses %s too", uri).isNotNull();
    }

    /** Bad URIs the catalog cannot tell from good ones, each with the option the component's refusal must name. */
    static final List<String> REFUSED_BY_THE_COMPONENT_ONLY = List.of(
            "braze-trigger:canvas?canvasId=cv-1&campaignId=cmp-1 | campaignId",
            "braze-trigger:canvas?canvasId=cv-1&sendId=s | sendId",
            "braze-trigger:campaign?campaignId=cmp-1&canvasId=cv-1 | canvasId",
            "braze-trigger:canvas?canvasId=cv-1&batchSize=500 | batchSize",
            "braze-trigger:canvas?canvasId=cv-1&batchSize=0 | batchSize",
            "braze-trigger:canvas?canvasId=cv-1&maxRetries=-1 | maxRetries",
            "braze-trigger:canvas?canvasId=cv-1&connectTimeout=0 | connectTimeout",
            "braze-trigger:canvas?canvasId=cv-1&requestTimeout=-5 | requestTimeout",
            "braze-trigger:canvas?canvasId=cv-1&retryInitialDelay=-1 | retryInitialDelay",
            "braze-trigger:canvas?canvasId=cv-1&retryMaxDelay=-1 | retryMaxDelay",
            "braze-trigger:canvas?canvasId=cv-1&rateLimitMaxWait=-1 | rateLimitMaxWait",
            "braze-trigger:canvas?canvasId=cv-1&batchTimeout=-1 | batchTimeout",
            "braze-trigger:canvas?canvasId=cv-1&maxTotalConnections=0 | maxTotalConnections",
            "braze-trigger:canvas?canvasId=cv-1&connectionsPerRoute=-2 | connectionsPerRoute",
            "braze-trigger:canvas?canvasId=cv-1&maxConcurrentRequests=0 | maxConcurrentRequests",
            "braze-trigger:canvas?canvasId=cv-1&proxyPort=70000 | proxyPort",
            "braze-trigger:canvas?canvasId=cv-1&aliasNameField=n | aliasLabelField",
            "braze-trigger:campaign?campaignId=c&sendId=" + "x".repeat(65) + " | sendId",
            "braze-trigger:canvas?canvasId=cv-1&baseUri=http://braze-proxy.example.com | baseUri");


    /**
     * Bad URIs the catalog cannot tell from good ones (its descriptor has types and enums, no ranges or per-operation
     * options): the component refuses each when the endpoint is created, naming the option.
     */
    @ParameterizedTest
    @FieldSource("REFUSED_BY_THE_COMPONENT_ONLY")
    void badUrisTheCatalogCannotTellAreRefusedByTheComponent(String uriAndOption) {
        String uri = uriAndOption.substring(0, uriAndOption.indexOf(" | "));
        String option = uriAndOption.substring(uriAndOption.indexOf(" | ") + 3);

        EndpointValidationResult result = catalog.validateEndpointProperties(uri);
        assertThat(result.isSuccess()).as("the catalog accepts %s (it cannot express this rule)", uri).isTrue();

        String refusal = componentRefusal(uri);
        assertThat(refusal).as("the component refuses %s", uri).isNotNull().contains(option);
    }

    @Test
    void everyNumericOptionOfTheDescriptorIsCoveredAbove() throws Exception {
        // a new numeric option must get a range check in BrazeTriggerEndpoint.validateConfiguration and a line above
        List<String> numeric = new java.util.ArrayList<>();
        ComponentDescriptorTest.descriptor().path("properties").fields().forEachRemaining(option -> {
            String type = option.getValue().path("type").asText();
            if (type.equals("integer") || type.equals("duration") || type.equals("number")) {
                numeric.add(option.getKey());
            }
        });
        assertThat(numeric).isNotEmpty().allSatisfy(option -> assertThat(REFUSED_BY_THE_COMPONENT_ONLY)
                .as("a bad-URI case for %s", option).anyMatch(uri -> uri.contains("&" + option + "=")));
    }

    /** The root cause's message (not the wrapping exception's, which repeats the URI) when the component refuses the URI. */
    private static String componentRefusal(String uri) {
        CamelContext context = new DefaultCamelContext();
        try {
            Throwable thrown = catchThrowable(() -> context.getEndpoint(uri));
            if (thrown == null) {
                return null;
            }
            Throwable cause = thrown;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            return cause.getMessage();
        } finally {
            context.stop();
        }
    }
}
