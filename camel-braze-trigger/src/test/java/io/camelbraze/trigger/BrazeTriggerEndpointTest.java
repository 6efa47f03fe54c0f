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

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Endpoint creation: options, defaults from the component, early failures with clear messages. */
class BrazeTriggerEndpointTest {

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private BrazeTriggerEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, BrazeTriggerEndpoint.class);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void canvasEndpointWithInstance() {
        BrazeTriggerEndpoint endpoint = endpoint("braze-trigger:canvas?canvasId=cv-1&instance=eu-01");
        assertThat(endpoint.getConfiguration().getOperation()).isEqualTo(BrazeOperation.canvas);
        assertThat(endpoint.getConfiguration().getCanvasId()).isEqualTo("cv-1");
        assertThat(endpoint.getServiceUrl()).isEqualTo("https://rest.fra-01.braze.eu");
        assertThat(endpoint.getServiceProtocol()).isEqualTo("https");
        assertThat(endpoint.getServiceMetadata()).containsEntry("canvasId", "cv-1").containsEntry("operation", "canvas");
    }

    @ParameterizedTest
    @ValueSource(strings = { "US-01", "US-02", "US-03", "US-04", "US-05", "US-06", "US-07", "US-08", "US-10", "EU-01", "EU-02",
                             "AU-01", "ID-01", "JP-01", "KR-01", "us-10", "kr-01" })
    void everyBrazeInstanceResolves(String code) {
        BrazeTriggerEndpoint endpoint = endpoint("braze-trigger:campaign?campaignId=c&instance=" + code);
        assertThat(endpoint.getServiceUrl()).startsWith("https://rest.").matches(".*\\.braze\\.(com|eu)$");
    }

    @Test
    void unknownInstanceFailsListingTheValidOnes() {
        assertThatThrownBy(() -> endpoint("braze-trigger:canvas?canvasId=c&instance=US-09"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(e -> assertThat(rootCause(e).getMessage())
                        .contains("Unknown Braze instance 'US-09'")
                        .contains("US-01, US-02").contains("KR-01"));
    }

    @Test
    void theOperationIsRequiredAndChecked() {
        assertThatThrownBy(() -> endpoint("braze-trigger:messages?canvasId=c"))
                .satisfies(e -> assertThat(rootCause(e).getMessage()).contains("Unknown operation 'messages'"));
    }

    @Test
    void componentOptionsAreEndpointDefaults() {
        BrazeTriggerComponent component = context.getComponent("braze-trigger", BrazeTriggerComponent.class);
        component.setInstance("JP-01");
        component.setApiKey("component-key");
        component.setMaxRetries(7);
        component.setRequestTimeout(1234);

        BrazeTriggerEndpoint endpoint = endpoint("braze-trigger:canvas?canvasId=a");
        assertThat(endpoint.getServiceUrl()).isEqualTo("https://rest.jp-01.braze.com");
        assertThat(endpoint.getConfiguration().getApiKey()).isEqualTo("component-key");
        assertThat(endpoint.getConfiguration().getMaxRetries()).isEqualTo(7);
        assertThat(endpoint.getConfiguration().getRequestTimeout()).isEqualTo(1234);

        BrazeTriggerEndpoint overriding = endpoint("braze-trigger:canvas?canvasId=b&instance=AU-01&maxRetries=0");
        assertThat(overriding.getServiceUrl()).isEqualTo("https://rest.au-01.braze.com");
        assertThat(overriding.getConfiguration().getMaxRetries()).isZero();
    }

    @Test
    void baseUriOverridesTheInstance() {
        BrazeTriggerEndpoint endpoint = endpoint("braze-trigger:canvas?canvasId=a&baseUri=https://braze-proxy.example.com/");
        assertThat(endpoint.getServiceUrl()).isEqualTo("https://braze-proxy.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://localhost:8080", "http://127.0.0.1:9", "http://[::1]:8080" })
    void plainHttpIsAcceptedForLoopbackOnly(String baseUri) {
        assertThat(endpoint("braze-trigger:canvas?canvasId=a&baseUri=" + baseUri).getServiceProtocol()).isEqualTo("http");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://braze-proxy.example.com", "http://10.1.2.3:8080", "ftp://localhost" })
    void plainHttpToAnotherHostIsRefused(String baseUri) {
        assertThatThrownBy(() -> endpoint("braze-trigger:canvas?canvasId=a&baseUri=" + baseUri))
                .satisfies(e -> assertThat(rootCause(e).getMessage()).contains("baseUri must"));
    }

    @Test
    void campaignOnlyOptionsAreRefusedOnCanvas() {
        assertThatThrownBy(() -> endpoint("braze-trigger:canvas?canvasId=a&sendId=s1"))
                .satisfies(e -> assertThat(rootCause(e).getMessage()).contains("sendId is not valid on a canvas endpoint"));
        assertThatThrownBy(() -> endpoint("braze-trigger:canvas?campaignId=a"))
                .satisfies(e -> assertThat(rootCause(e).getMessage()).contains("campaignId"));
        assertThatThrownBy(() -> endpoint("braze-trigger:campaign?canvasId=a"))
                .satisfies(e -> assertThat(rootCause(e).getMessage()).contains("canvasId is not valid on a campaign endpoint"));
    }

    @Test
    void otherEarlyChecks() {
        assertThatThrownBy(() -> endpoint("braze-trigger:campaign?campaignId=a&sendId=" + "x".repeat(65)))
                .satisfies(e -> assertThat(rootCause(e).getMessage()).contains("at most 64"));
        assertThatThrownBy(() -> endpoint("braze-trigger:canvas?canvasId=a&batchSize=51"))
                .satisfies(e -> assertThat(rootCause(e).getMessage()).contains("batchSize"));
        assertThatThrownBy(() -> endpoint("braze-trigger:canvas?canvasId=a&aliasNameField=n"))
                .satisfies(e -> assertThat(rootCause(e).getMessage()).contains("aliasLabelField"));
        assertThatThrownBy(() -> endpoint("braze-trigger:canvas?canvasId=a&noSuchOption=1"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("noSuchOption");
    }

    @Test
    void isProducerOnly() {
        assertThatThrownBy(() -> endpoint("braze-trigger:canvas?canvasId=a").createConsumer(exchange -> { }))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void sslContextParametersAreBoundByReference() {
        SSLContextParameters ssl = new SSLContextParameters();
        context.getRegistry().bind("brazeTls", ssl);
        assertThat(endpoint("braze-trigger:canvas?canvasId=a&sslContextParameters=#brazeTls").getConfiguration()
                .getSslContextParameters()).isSameAs(ssl);
    }

    @Test
    void serviceMetadataHoldsNoSecret() {
        BrazeTriggerEndpoint endpoint = endpoint("braze-trigger:canvas?canvasId=a&apiKey=top-secret-value");
        assertThat(endpoint.getServiceMetadata()).isEqualTo(Map.of("operation", "canvas", "instance", "US-01", "canvasId", "a"));
        assertThat(endpoint.toString()).doesNotContain("top-secret-value");
        assertThat(endpoint.getConfiguration().toString()).doesNotContain("top-secret-value");
    }
}
