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
