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
package io.camelbraze.examples;

import java.util.Optional;
import java.util.Properties;

import io.camelbraze.trigger.BrazeTriggerComponent;
import io.camelbraze.trigger.test.FakeBraze;
import org.apache.camel.CamelContext;

/**
 * The Braze the examples talk to: the in-process fake (default) or the real instance from {@link BrazeSettings}. Either way
 * the routes are the same; only the {@code braze-trigger} component's connection options differ.
 */
public final class BrazeBackend implements AutoCloseable {

    private final BrazeSettings settings;
    private final FakeBraze fake;

    private BrazeBackend(BrazeSettings settings, FakeBraze fake) {
        this.settings = settings;
        this.fake = fake;
    }

    /** Starts the fake Braze when the settings carry no API key; otherwise connects nothing yet. */
    public static BrazeBackend start(BrazeSettings settings) {
        if (!settings.useFake()) {
            return new BrazeBackend(settings, null);
        }
        FakeBraze fake = new FakeBraze();
        fake.start();
        return new BrazeBackend(settings, fake);
    }

    public BrazeSettings settings() {
        return settings;
    }

    public Optional<FakeBraze> fake() {
        return Optional.ofNullable(fake);
    }

    /** Where requests go, never with the key. */
    public String describe() {
        return fake != null ? "fake Braze at " + fake.baseUri() : settings.toString();
    }

    /** Registers the {@code braze-trigger} component configured for this backend. */
    public void configure(CamelContext context) {
        BrazeTriggerComponent component = new BrazeTriggerComponent();
        component.setApiKey(apiKey());
        if (fake != null) {
            component.setBaseUri(fake.baseUri());
        } else {
            component.setInstance(settings.instance());
        }
        context.addComponent("braze-trigger", component);
    }

    /** Property placeholders the routes use: {@code braze.canvasId}, {@code braze.campaignId}, and for Kamelets the key. */
    public Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("braze.canvasId", settings.canvasId());
        properties.setProperty("braze.campaignId", settings.campaignId());
        properties.setProperty("braze.apiKey", apiKey());
        if (fake != null) {
            properties.setProperty("braze.baseUri", fake.baseUri());
        }
        // with the fake, the component's baseUri overrides the instance
        properties.setProperty("braze.instance", fake != null ? "US-01" : settings.instance());
        return properties;
    }

    private String apiKey() {
        return fake != null ? fake.apiKey() : settings.apiKey();
    }

    @Override
    public void close() {
        if (fake != null) {
            fake.stop();
        }
    }
}
