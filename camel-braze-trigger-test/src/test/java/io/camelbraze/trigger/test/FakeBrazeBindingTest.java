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
package io.camelbraze.trigger.test;

import static io.camelbraze.trigger.test.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelbraze.trigger.test.standin.StandInBrazeComponent;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultComponent;
import org.junit.jupiter.api.Test;

/** Explicit configuration with configure(CamelContext), and the plugin staying out of the way when no extension is active. */
class FakeBrazeBindingTest {

    @Test
    void configurePointsTheComponentAtTheFake() throws Exception {
        try (FakeBraze braze = FakeBraze.builder().apiKey("k-1").build().start();
             CamelContext context = new DefaultCamelContext()) {
            braze.configure(context);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to("braze-trigger:canvas?canvasId=cv-1");
                }
            });
            context.start();

            context.createProducerTemplate().sendBody("direct:in", Map.of("external_user_id", "42"));

            braze.assertCanvasTriggered("cv-1").forExternalUserId("42");
            assertThat(braze.requests().get(0).usedApiKey("k-1")).isTrue();
        }
    }

    @Test
    void pluginDoesNothingWithoutAnActiveExtension() throws Exception {
        assertThat(FakeBrazeBinding.active()).isEmpty();
        try (CamelContext context = new DefaultCamelContext()) {
            StandInBrazeComponent component = context.getComponent("braze-trigger", StandInBrazeComponent.class);
            assertThat(component.getBaseUri()).isNull();
            assertThat(context.getRegistry().lookupByName(FakeBrazeContextPlugin.CUSTOMIZER_NAME)).isNull();
        }
    }

    @Test
    void pluginConfiguresContextsCreatedWhileAnExtensionIsActive() throws Exception {
        FakeBrazeExtension braze = new FakeBrazeExtension();
        braze.beforeAll(null);
        try (CamelContext context = new DefaultCamelContext()) {
            StandInBrazeComponent component = context.getComponent("braze-trigger", StandInBrazeComponent.class);
            assertThat(component.getBaseUri()).isEqualTo(braze.baseUri());
            assertThat(component.getApiKey()).isEqualTo(braze.apiKey());
        } finally {
            braze.afterAll(null);
        }
    }

    @Test
    void configureFailsClearlyWithoutTheComponentOptions() throws Exception {
        try (FakeBraze braze = new FakeBraze().start(); CamelContext context = new DefaultCamelContext()) {
            context.addComponent("braze-trigger", new DefaultComponent() {
                @Override
                protected org.apache.camel.Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
                    throw new UnsupportedOperationException();
                }
            });
            assertThatThrownBy(() -> braze.configure(context)).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void httpStillWorksAfterConfigure() {
        try (FakeBraze braze = new FakeBraze().start()) {
            assertThat(new Http(braze).canvas(json("{'canvas_id':'cv','broadcast':true}")).statusCode()).isEqualTo(201);
        }
    }
}
