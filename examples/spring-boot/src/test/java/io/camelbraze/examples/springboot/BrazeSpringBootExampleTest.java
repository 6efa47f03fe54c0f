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

import static org.assertj.core.api.Assertions.assertThat;

import io.camelbraze.trigger.test.FakeBraze;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Runs the example as {@code main} does (minus the exit): with no API key it starts the embedded fake Braze, and the
 * runner's sends arrive there as Braze requests.
 */
@SpringBootTest
class BrazeSpringBootExampleTest {

    @Autowired
    FakeBraze fakeBraze;
    @Autowired
    ExampleRunner runner;

    @Test
    void sendsEverySignupAndTheUpgradesToTheEmbeddedFakeBraze() {
        assertThat(runner.failed()).isEmpty();
        assertThat(runner.sent()).hasSize(4);
        assertThat(runner.getExitCode()).isZero();
        assertThat(runner.readiness()).isEqualTo("UP");
        assertThat(runner.liveness()).isEqualTo("UP");

        fakeBraze.assertCanvasTriggered(EmbeddedFakeBrazeInitializer.DEMO_CANVAS_ID).times(3);
        fakeBraze.assertCanvasTriggered(EmbeddedFakeBrazeInitializer.DEMO_CANVAS_ID).forExternalUserId("sb-customer-2")
                .withContext("plan", "pro").withContext("signup_source", "ios").withAttribute("first_name", "Grace");
        assertThat(fakeBraze.assertCampaignTriggered(EmbeddedFakeBrazeInitializer.DEMO_CAMPAIGN_ID).times(2).requests())
                .as("both upgrades in one request").hasSize(1);
        fakeBraze.assertCampaignTriggered(EmbeddedFakeBrazeInitializer.DEMO_CAMPAIGN_ID).forExternalUserId("sb-customer-3")
                .withTriggerProperty("new_plan", "team");
        fakeBraze.assertRequestCount(4);
    }
}
