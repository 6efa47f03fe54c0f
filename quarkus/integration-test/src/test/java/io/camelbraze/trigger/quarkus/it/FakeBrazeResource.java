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
package io.camelbraze.trigger.quarkus.it;

import java.util.Map;

import io.camelbraze.trigger.test.FakeBraze;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the test kit's fake Braze before Quarkus boots and hands its URL to the application as configuration, exactly
 * where a real deployment would set a proxy: {@code camel.component.braze-trigger.base-uri}. The key stays in
 * application.properties.
 */
public class FakeBrazeResource implements QuarkusTestResourceLifecycleManager {

    static final String CANVAS_ID = "cv-welcome";
    static final String CAMPAIGN_ID = "cmp-coupon";

    private FakeBraze braze;

    @Override
    public Map<String, String> start() {
        braze = FakeBraze.builder().knownCanvasIds(CANVAS_ID).knownCampaignIds(CAMPAIGN_ID).build().start();
        return Map.of("camel.component.braze-trigger.base-uri", braze.baseUri());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(braze, new TestInjector.AnnotatedAndMatchesType(InjectFakeBraze.class, FakeBraze.class));
    }

    @Override
    public void stop() {
        if (braze != null) {
            braze.close();
        }
    }
}
