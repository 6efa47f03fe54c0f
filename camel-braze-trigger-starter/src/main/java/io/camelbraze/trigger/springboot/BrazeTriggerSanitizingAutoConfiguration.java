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

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Masks the component's secret options ({@code apiKey}) in {@code /actuator/configprops} and {@code /actuator/env}, even
 * when {@code management.endpoint.*.show-values} is {@code always}. Since Spring Boot 3, actuator no longer masks keys by
 * name: it hides every value unless {@code show-values} says otherwise, and then shows every value that no
 * {@link SanitizingFunction} masks.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
public class BrazeTriggerSanitizingAutoConfiguration {

    /** The component's options marked {@code secret} in its descriptor. */
    public static final Set<String> SECRET_OPTIONS = Set.of("apiKey");

    @Bean
    public SanitizingFunction brazeTriggerSecretsSanitizingFunction() {
        return new SecretOptionSanitizer();
    }

    /** Matches an option however it is spelled: {@code apiKey}, {@code api-key}, {@code CAMEL_COMPONENT_BRAZETRIGGER_APIKEY}. */
    static final class SecretOptionSanitizer implements SanitizingFunction {

        private static final Set<String> SECRET_KEYS = SECRET_OPTIONS.stream()
                .map(option -> normalise(BrazeTriggerComponentConfiguration.PREFIX + "." + option))
                .collect(Collectors.toUnmodifiableSet());

        @Override
        public SanitizableData apply(SanitizableData data) {
            return data.getKey() != null && SECRET_KEYS.contains(normalise(data.getKey())) ? data.withSanitizedValue() : data;
        }

        private static String normalise(String key) {
            return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        }
    }
}
