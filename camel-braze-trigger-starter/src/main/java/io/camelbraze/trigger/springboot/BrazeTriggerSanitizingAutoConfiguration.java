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

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.camelbraze.trigger.BrazeTriggerComponent;
import io.camelbraze.trigger.BrazeTriggerEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Masks the component's API key in {@code /actuator/configprops} and {@code /actuator/env}, even when
 * {@code management.endpoint.*.show-values} is {@code always}. Since Spring Boot 3, actuator no longer masks keys by
 * name: it hides every value unless {@code show-values} says otherwise, and then shows every value that no
 * {@link SanitizingFunction} masks.
 *
 * <p>A key is masked by its option's name ({@code camel.component.braze-trigger.api-key} under every spelling) and, above
 * all, by its <em>value</em>: any property whose value is a key in use, or contains one, is masked whatever its name and
 * source (the {@code BRAZE_API_KEY} environment variable a {@code {{env:BRAZE_API_KEY}}} placeholder reads, a system
 * property, a config tree, an application file). The keys in use are those of every {@code braze-trigger} component and
 * endpoint of the Camel context, and the configured {@code camel.component.braze-trigger.api-key} with its Spring and
 * Camel placeholders resolved.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
public class BrazeTriggerSanitizingAutoConfiguration {

    /** The component's options marked {@code secret} in its descriptor. */
    public static final Set<String> SECRET_OPTIONS = Set.of("apiKey");

    @Bean
    public SanitizingFunction brazeTriggerSecretsSanitizingFunction(ObjectProvider<CamelContext> camelContext,
                                                                    Environment environment) {
        return new SecretOptionSanitizer(() -> keysInUse(camelContext.getIfAvailable(), environment));
    }

    /** The API keys the application uses: components', endpoints' and the configured one, resolved. */
    static Set<String> keysInUse(CamelContext camelContext, Environment environment) {
        Set<String> keys = new LinkedHashSet<>();
        if (camelContext != null) {
            for (String name : camelContext.getComponentNames()) {
                Component component = camelContext.hasComponent(name);
                if (component instanceof BrazeTriggerComponent braze) {
                    keys.add(braze.getApiKey());
                }
            }
            for (Endpoint endpoint : camelContext.getEndpoints()) {
                if (endpoint instanceof BrazeTriggerEndpoint braze) {
                    keys.add(braze.getConfiguration().getApiKey());
                }
            }
        }
        keys.add(configuredKey(camelContext, environment));
        return keys.stream().filter(key -> key != null && !key.isBlank()).map(String::strip)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String configuredKey(CamelContext camelContext, Environment environment) {
        try {
            String key = environment.getProperty(BrazeTriggerComponentConfiguration.PREFIX + ".api-key");
            if (key != null && key.contains("{{") && camelContext != null) {
                key = camelContext.resolvePropertyPlaceholders(key);
            }
            return key;
        } catch (RuntimeException unresolvable) {
            return null;
        }
    }

    /**
     * Matches the option however it is spelled ({@code apiKey}, {@code api-key}, {@code CAMEL_COMPONENT_BRAZETRIGGER_APIKEY}),
     * and any property whose value is, or contains, a key in use.
     */
    static final class SecretOptionSanitizer implements SanitizingFunction {

        /** A key shorter than this is masked only where a value equals it: containment would mask half the page. */
        static final int MIN_CONTAINED_KEY_LENGTH = 8;

        private static final Set<String> SECRET_KEYS = SECRET_OPTIONS.stream()
                .map(option -> normalise(BrazeTriggerComponentConfiguration.PREFIX + "." + option))
                .collect(Collectors.toUnmodifiableSet());

        private final Supplier<Set<String>> keysInUse;

        SecretOptionSanitizer(Supplier<Set<String>> keysInUse) {
            this.keysInUse = keysInUse;
        }

        @Override
        public SanitizableData apply(SanitizableData data) {
            if (data.getKey() != null && SECRET_KEYS.contains(normalise(data.getKey()))) {
                return data.withSanitizedValue();
            }
            return data.getValue() != null && holdsAKey(data.getValue().toString()) ? data.withSanitizedValue() : data;
        }

        private boolean holdsAKey(String value) {
            String trimmed = value.strip();
            for (String key : keysInUse.get()) {
                if (trimmed.equals(key) || key.length() >= MIN_CONTAINED_KEY_LENGTH && value.contains(key)) {
                    return true;
                }
            }
            return false;
        }

        private static String normalise(String key) {
            return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        }
    }
}
