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
package io.camelbraze.trigger.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;

import io.camelbraze.trigger.BrazeTriggerComponent;
import io.camelbraze.trigger.test.FakeBraze;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Micrometer is optional: the component, loaded by a class loader that cannot see {@code io.micrometer}, starts and
 * sends normally even with a MeterRegistry bean present, and records nothing.
 */
class WithoutMicrometerTest {

    @Test
    void theGuardSeesNoMicrometer() {
        assertThat(DeliveryMetrics.isMicrometerPresent(getClass().getClassLoader())).isTrue();
        assertThat(DeliveryMetrics.isMicrometerPresent(new HidingMicrometer(getClass().getClassLoader()))).isFalse();
    }

    @Test
    void sendsWithoutMicrometerOnTheClasspath() throws Exception {
        HidingMicrometer loader = new HidingMicrometer(getClass().getClassLoader());
        Class<?> component = loader.loadClass(BrazeTriggerComponent.class.getName());
        assertThat(component.getClassLoader()).as("the component comes from the hiding loader").isSameAs(loader);

        MeterRegistry meters = new SimpleMeterRegistry();
        try (FakeBraze braze = FakeBraze.builder().build().start(); CamelContext context = new DefaultCamelContext()) {
            context.setApplicationContextClassLoader(loader);
            context.getRegistry().bind("metricsRegistry", meters);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").to("braze-trigger:canvas?canvasId=cv-1&baseUri=" + braze.baseUri()
                                           + "&apiKey=" + braze.apiKey());
                }
            });
            context.start();
            Endpoint endpoint = context.getEndpoints().stream()
                    .filter(e -> e.getEndpointUri().startsWith("braze-trigger")).findFirst().orElseThrow();
            assertThat(endpoint.getClass().getClassLoader()).isSameAs(loader);

            ProducerTemplate template = context.createProducerTemplate();
            Exchange result = template.request("direct:send", e -> e.getMessage().setBody(Map.of("external_user_id", "1")));

            assertThat(result.getException()).isNull();
            braze.assertCanvasTriggered("cv-1").forExternalUserId("1").times(1);
            assertThat(meters.getMeters()).isEmpty();
        }
    }

    /** Loads the component's own classes itself and refuses Micrometer's; everything else comes from the parent. */
    private static final class HidingMicrometer extends ClassLoader {

        HidingMicrometer(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.micrometer.")) {
                throw new ClassNotFoundException(name + " is hidden");
            }
            if (!name.startsWith("io.camelbraze.trigger.") || name.startsWith("io.camelbraze.trigger.test.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    String resource = name.replace('.', '/') + ".class";
                    try (InputStream in = getParent().getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return loaded;
            }
        }

        @Override
        public URL getResource(String name) {
            return name.startsWith("io/micrometer/") ? null : super.getResource(name);
        }
    }
}
