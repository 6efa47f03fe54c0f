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

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.ContextServicePlugin;

/**
 * Camel loads this plugin (through {@code META-INF/services/org.apache.camel.spi.ContextServicePlugin}) when it builds
 * every {@link CamelContext}. While a {@link FakeBrazeExtension} is active it registers a {@link ComponentCustomizer}
 * that points the {@code braze-trigger} component at the fake when the component is added to the context (and
 * configures it at once if it already exists). Otherwise it does nothing, so the kit is harmless at runtime.
 */
public final class FakeBrazeContextPlugin implements ContextServicePlugin {

    /** The registry name of the customizer. */
    public static final String CUSTOMIZER_NAME = "fakeBrazeComponentCustomizer";

    @Override
    public void load(CamelContext context) {
        FakeBrazeBinding.active().ifPresent(braze -> {
            context.getRegistry().bind(CUSTOMIZER_NAME, ComponentCustomizer.class, new Customizer(context, braze));
            Component existing = context.hasComponent(FakeBrazeBinding.COMPONENT);
            if (existing != null) {
                FakeBrazeBinding.configure(context, existing, braze);
            }
        });
    }

    private record Customizer(CamelContext context, FakeBraze braze) implements ComponentCustomizer {

        @Override
        public boolean isEnabled(String name, Component target) {
            return FakeBrazeBinding.COMPONENT.equals(name);
        }

        @Override
        public void configure(String name, Component target) {
            FakeBrazeBinding.configure(context, target, braze);
        }
    }
}
