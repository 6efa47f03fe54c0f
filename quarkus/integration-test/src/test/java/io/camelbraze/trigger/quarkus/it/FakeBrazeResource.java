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
