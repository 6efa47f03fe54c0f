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

import io.camelbraze.trigger.BrazeTriggerComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code braze-trigger} component from {@code camel.component.braze-trigger.*}, as Camel's own starters
 * configure theirs: a {@link ComponentCustomizer} copies every set option onto the component when Camel creates it (or
 * onto a {@link BrazeTriggerComponent} bean the application defines). Turned off by
 * {@code camel.component.braze-trigger.enabled=false} (or {@code camel.component.enabled=false}); the customizer alone by
 * {@code camel.component.braze-trigger.customizer.enabled=false}.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, BrazeTriggerComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, BrazeTriggerComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", BrazeTriggerComponentConfiguration.PREFIX})
public class BrazeTriggerComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final BrazeTriggerComponentConfiguration configuration;

    public BrazeTriggerComponentAutoConfiguration(ApplicationContext applicationContext,
                                                  BrazeTriggerComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureBrazeTriggerComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(target.getCamelContext(), configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        BrazeTriggerComponentConfiguration.PREFIX + ".customizer")
                       && target instanceof BrazeTriggerComponent;
            }
        };
    }
}
