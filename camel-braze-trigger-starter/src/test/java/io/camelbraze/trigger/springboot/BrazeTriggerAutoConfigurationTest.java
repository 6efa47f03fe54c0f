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

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.camelbraze.trigger.BrazeTriggerComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.main.SecurityPolicyResult;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.security.CamelSecurityPolicyAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** How the auto-configuration binds, without a web server or routes: relaxed names, bean references, switches. */
class BrazeTriggerAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, BrazeTriggerComponentConverter.class,
                    BrazeTriggerComponentAutoConfiguration.class, BrazeTriggerSanitizingAutoConfiguration.class))
            .withPropertyValues("camel.main.name=braze-autoconfiguration-test");

    @Test
    void camelCaseAndKebabCaseNamesBind() {
        runner.withPropertyValues("camel.component.braze-trigger.apiKey=camel-case-key",
                        "camel.component.braze-trigger.max-retries=5", "camel.component.braze-trigger.lazyStartProducer=true")
                .run(context -> {
                    BrazeTriggerComponent component = component(context.getBean(CamelContext.class));
                    assertThat(component.getApiKey()).isEqualTo("camel-case-key");
                    assertThat(component.getMaxRetries()).isEqualTo(5);
                    assertThat(component.isLazyStartProducer()).isTrue();
                    assertThat(component.getInstance()).as("default").isEqualTo("US-01");
                });
    }

    @Test
    void environmentVariablesBind() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("CAMEL_COMPONENT_BRAZETRIGGER_APIKEY", "key-from-env",
                                        "CAMEL_COMPONENT_BRAZETRIGGER_INSTANCE", "EU-02",
                                        "CAMEL_COMPONENT_BRAZETRIGGER_REQUESTTIMEOUT", "1500"))))
                .run(context -> {
                    BrazeTriggerComponent component = component(context.getBean(CamelContext.class));
                    assertThat(component.getApiKey()).isEqualTo("key-from-env");
                    assertThat(component.getInstance()).isEqualTo("EU-02");
                    assertThat(component.getRequestTimeout()).as("a number without a unit is milliseconds").isEqualTo(1500);
                });
    }

    @Test
    void sslContextParametersReferToABean() {
        SSLContextParameters tls = new SSLContextParameters();
        runner.withBean("brazeTls", SSLContextParameters.class, () -> tls)
                .withPropertyValues("camel.component.braze-trigger.ssl-context-parameters=#bean:brazeTls")
                .run(context -> assertThat(component(context.getBean(CamelContext.class)).getSslContextParameters()).isSameAs(tls));
    }

    @Test
    void aComponentBeanOfTheApplicationIsConfiguredToo() {
        BrazeTriggerComponent own = new BrazeTriggerComponent();
        runner.withBean("braze-trigger", BrazeTriggerComponent.class, () -> own)
                .withPropertyValues("camel.component.braze-trigger.api-key=key-for-own-bean")
                .run(context -> {
                    assertThat(component(context.getBean(CamelContext.class))).isSameAs(own);
                    assertThat(own.getApiKey()).isEqualTo("key-for-own-bean");
                });
    }

    @Test
    void disabledAutoConfigurationBindsNothing() {
        runner.withPropertyValues("camel.component.braze-trigger.enabled=false", "camel.component.braze-trigger.api-key=ignored")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(BrazeTriggerComponentConfiguration.class);
                    assertThat(component(context.getBean(CamelContext.class)).getApiKey()).isNull();
                });
    }

    @Test
    void disabledCustomizerBindsNothing() {
        runner.withPropertyValues("camel.component.braze-trigger.customizer.enabled=false",
                        "camel.component.braze-trigger.api-key=ignored")
                .run(context -> assertThat(component(context.getBean(CamelContext.class)).getApiKey()).isNull());
    }

    @Test
    void theApiKeyIsSanitisedUnderEverySpelling() {
        runner.run(context -> {
            SanitizingFunction sanitizer = context.getBean(SanitizingFunction.class);
            for (String key : new String[] {"camel.component.braze-trigger.apiKey", "camel.component.braze-trigger.api-key",
                    "CAMEL_COMPONENT_BRAZETRIGGER_APIKEY", "camel.component.braze-trigger.api_key"}) {
                assertThat(sanitizer.apply(new SanitizableData(null, key, "secret")).getValue()).as(key)
                        .isEqualTo(SanitizableData.SANITIZED_VALUE);
            }
            for (String key : new String[] {"camel.component.braze-trigger.instance", "camel.component.braze-trigger.base-uri",
                    "my.app.api-key"}) {
                assertThat(sanitizer.apply(new SanitizableData(null, key, "value")).getValue()).as(key).isEqualTo("value");
            }
        });
    }

    @Test
    void aValueThatIsOrHoldsTheKeyIsSanitisedWhateverItsName() {
        runner.withPropertyValues("vault.braze=k-1234567890", "camel.component.braze-trigger.api-key={{vault.braze}}")
                .run(context -> {
                    SanitizingFunction sanitizer = context.getBean(SanitizingFunction.class);
                    for (String value : new String[] {"k-1234567890", "k-1234567890\n", "Bearer k-1234567890"}) {
                        assertThat(sanitizer.apply(new SanitizableData(null, "any.name", value)).getValue()).as(value)
                                .isEqualTo(SanitizableData.SANITIZED_VALUE);
                    }
                    assertThat(sanitizer.apply(new SanitizableData(null, "any.name", "k-12345")).getValue()).isEqualTo("k-12345");
                });
    }

    @Test
    void camelsSecurityPolicyFlagsAKeyResolvedBySpringButNotACamelPlaceholder() {
        ApplicationContextRunner withPolicy = runner.withConfiguration(
                AutoConfigurations.of(CamelSecurityPolicyAutoConfiguration.class)).withPropertyValues("my.braze.key=abc");
        withPolicy.withPropertyValues("camel.component.braze-trigger.api-key=${my.braze.key}")
                .run(context -> assertThat(context.getBean(SecurityPolicyResult.class).getViolations())
                        .extracting(Object::toString).anyMatch(v -> v.contains("camel.component.braze-trigger.api-key")));
        withPolicy.withPropertyValues("camel.component.braze-trigger.api-key={{my.braze.key}}")
                .run(context -> {
                    assertThat(context.getBean(SecurityPolicyResult.class).getViolations()).isEmpty();
                    assertThat(component(context.getBean(CamelContext.class)).getApiKey()).isEqualTo("abc");
                });
        withPolicy.withPropertyValues("camel.component.braze-trigger.api-key=${my.braze.key}", "camel.main.profile=prod")
                .run(context -> assertThat(context).hasFailed());
    }

    private static BrazeTriggerComponent component(CamelContext camelContext) {
        return camelContext.getComponent("braze-trigger", BrazeTriggerComponent.class);
    }
}
