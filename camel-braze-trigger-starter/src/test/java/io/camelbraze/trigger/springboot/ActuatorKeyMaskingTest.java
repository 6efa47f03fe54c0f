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

import io.camelbraze.trigger.test.FakeBraze;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.test.context.TestPropertySource;

/**
 * The configured key is masked in {@code /actuator/env} and {@code /actuator/configprops} under whatever name it sits,
 * with {@code show-values: always}: the key itself in the system environment ({@code BRAZE_API_KEY}, set by surefire),
 * in a system property ({@code legacy.braze.token}, set by surefire), in a config tree ({@code braze.api-key}, from
 * {@code src/test/resources/configtree}), in {@code application.yml} ({@code braze.key}, which the component's
 * {@code {{braze.key}}} placeholder reads), and a value that merely contains it ({@code legacy.braze.url}).
 */
@TestPropertySource(properties = "spring.config.import=optional:configtree:src/test/resources/configtree/")
class ActuatorKeyMaskingTest extends StarterAppTestSupport {

    private static final String KEY = FakeBraze.DEFAULT_API_KEY;
    private static final String MASK = SanitizableData.SANITIZED_VALUE;

    @Test
    void envShowsNoKeyUnderAnyName() {
        Actuator env = actuator("env");

        assertThat(env.status()).isEqualTo(200);
        assertThat(env.body().toString()).as("the properties the test planted are on the page")
                .contains("BRAZE_API_KEY", "legacy.braze.token", "legacy.braze.url", "braze.api-key", "braze.key")
                .doesNotContain(KEY);
        for (String name : new String[] {"BRAZE_API_KEY", "legacy.braze.token", "legacy.braze.url", "braze.api-key", "braze.key",
                "camel.component.braze-trigger.api-key"}) {
            Actuator property = actuator("env/" + name);
            assertThat(property.status()).as(name).isEqualTo(200);
            assertThat(property.body().path("property").path("value").asText()).as(name).isEqualTo(MASK);
            assertThat(property.body().toString()).as(name).doesNotContain(KEY);
        }
        assertThat(actuator("env/camel.component.braze-trigger.instance").body().path("property").path("value").asText())
                .as("other values are still shown").isEqualTo("EU-01");
    }

    @Test
    void configpropsShowsNoKey() {
        Actuator configprops = actuator("configprops");

        assertThat(configprops.status()).isEqualTo(200);
        assertThat(configprops.body().toString()).contains("camel.component.braze-trigger").doesNotContain(KEY);
    }
}
