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
package io.camelbraze.examples.springboot;

import java.util.Map;

import io.camelbraze.trigger.test.FakeBraze;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Without {@code BRAZE_API_KEY} (an environment variable or a system property), starts the test kit's fake Braze on a
 * free loopback port and points the component at it through the very properties the starter binds ({@code base-uri},
 * {@code api-key}); the fake is the bean {@code fakeBraze} and stops with the application. With a key, nothing is
 * started, and the Canvas and campaign ids must be given explicitly.
 */
public class EmbeddedFakeBrazeInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String KEY_VARIABLE = "BRAZE_API_KEY";
    static final String API_KEY = "camel.component.braze-trigger.api-key";
    static final String CANVAS_ID = "example.canvas-id";
    static final String CAMPAIGN_ID = "example.campaign-id";
    /** Ids the fake accepts (it accepts any id); real Braze needs BRAZE_CANVAS_ID and BRAZE_CAMPAIGN_ID. */
    static final String DEMO_CANVAS_ID = "example-welcome-canvas";
    static final String DEMO_CAMPAIGN_ID = "example-upgrade-campaign";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFakeBrazeInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (isSet(environment, KEY_VARIABLE)) {
            if (!isSet(environment, CANVAS_ID) || !isSet(environment, CAMPAIGN_ID)) {
                throw new IllegalStateException("A Braze API key is set, so the example would message real users: also set"
                                                + " BRAZE_CANVAS_ID and BRAZE_CAMPAIGN_ID (API-triggered ones made for this)");
            }
            LOG.info("Sending to real Braze (instance {})", environment.getProperty("camel.component.braze-trigger.instance"));
            return;
        }
        FakeBraze braze = new FakeBraze().start();
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedFakeBraze", Map.of(
                "camel.component.braze-trigger.base-uri", braze.baseUri(),
                // the key as a placeholder too, as application.yml has it
                API_KEY, "{{fake-braze.api-key}}",
                "fake-braze.api-key", braze.apiKey(),
                CANVAS_ID, orDefault(environment, CANVAS_ID, DEMO_CANVAS_ID),
                CAMPAIGN_ID, orDefault(environment, CAMPAIGN_ID, DEMO_CAMPAIGN_ID))));
        context.getBeanFactory().registerSingleton("fakeBraze", braze);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                braze.stop();
            }
        });
        LOG.info("No BRAZE_API_KEY: sending to the embedded fake Braze at {}", braze.baseUri());
    }

    private static boolean isSet(ConfigurableEnvironment environment, String property) {
        String value = environment.getProperty(property);
        return value != null && !value.isBlank();
    }

    private static String orDefault(ConfigurableEnvironment environment, String property, String fallback) {
        return isSet(environment, property) ? environment.getProperty(property) : fallback;
    }
}
