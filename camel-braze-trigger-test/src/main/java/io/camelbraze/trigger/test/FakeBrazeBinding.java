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

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * Points the {@code braze-trigger} Camel component at a {@link FakeBraze} without a compile dependency on the
 * component: its options {@code baseUri} and {@code apiKey} are bound by name with {@link PropertyBindingSupport}.
 * Also holds the fake that {@link FakeBrazeContextPlugin} applies to new Camel contexts while a
 * {@link FakeBrazeExtension} is active. Needs no JUnit.
 */
public final class FakeBrazeBinding {

    /** The component name the kit configures. */
    public static final String COMPONENT = "braze-trigger";
    /** JVM system property set to the fake's base URI while an extension is active, for {@code {{braze.baseUri}}}. */
    public static final String BASE_URI_PROPERTY = "braze.baseUri";
    /** JVM system property set to the fake's API key while an extension is active, for {@code {{braze.apiKey}}}. */
    public static final String API_KEY_PROPERTY = "braze.apiKey";

    private static volatile FakeBraze active;

    private FakeBrazeBinding() {
    }

    /**
     * Sets {@code baseUri} and {@code apiKey} on {@code context.getComponent("braze-trigger")} (creating the component
     * from the classpath if needed).
     *
     * @throws IllegalStateException when no {@code braze-trigger} component can be found
     */
    public static void configure(CamelContext context, FakeBraze braze) {
        Component component = context.getComponent(COMPONENT);
        if (component == null) {
            throw new IllegalStateException("No Camel component named " + COMPONENT + " on the classpath or in the registry");
        }
        configure(context, component, braze);
    }

    /** Sets {@code baseUri} and {@code apiKey} on {@code component}. */
    public static void configure(CamelContext context, Component component, FakeBraze braze) {
        Map<String, Object> options = new HashMap<>();
        options.put("baseUri", braze.baseUri());
        options.put("apiKey", braze.apiKey());
        PropertyBindingSupport.build().withCamelContext(context).withTarget(component).withMandatory(true)
                .withProperties(options).bind();
    }

    /** The fake new Camel contexts are pointed at, if a {@link FakeBrazeExtension} is active. */
    public static Optional<FakeBraze> active() {
        return Optional.ofNullable(active);
    }

    /** Makes {@code braze} the fake new Camel contexts are pointed at. */
    static synchronized void activate(FakeBraze braze) {
        active = braze;
    }

    /** Forgets {@code braze} if it is the active fake. */
    static synchronized void deactivate(FakeBraze braze) {
        if (active == braze) {
            active = null;
        }
    }
}
