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
package io.camelbraze.examples;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where the examples send: real Braze when an API key is configured, else an in-process fake. Each setting is read from a
 * system property ({@code -Dbraze.apiKey=…}) first, then from the environment ({@code BRAZE_API_KEY}).
 */
public final class BrazeSettings {

    /** Canvas and campaign ids the fake accepts; real Braze needs BRAZE_CANVAS_ID / BRAZE_CAMPAIGN_ID. */
    static final String DEMO_CANVAS_ID = "5f3c7b0e-8a1d-4c2e-9b6f-0d4e2a1c9b70";
    static final String DEMO_CAMPAIGN_ID = "a2d9e6c4-1b3f-4e8a-8c5d-7f0b9e3a6d21";

    private final String apiKey;
    private final String instance;
    private final String canvasId;
    private final String campaignId;

    private BrazeSettings(String apiKey, String instance, String canvasId, String campaignId) {
        this.apiKey = apiKey;
        this.instance = instance;
        this.canvasId = canvasId;
        this.campaignId = campaignId;
    }

    public static BrazeSettings fromEnvironment() {
        return from(System.getProperties(), System.getenv());
    }

    static BrazeSettings from(Properties system, Map<String, String> env) {
        String apiKey = setting(system, env, "braze.apiKey", "BRAZE_API_KEY");
        String instance = setting(system, env, "braze.instance", "BRAZE_INSTANCE");
        String canvasId = setting(system, env, "braze.canvasId", "BRAZE_CANVAS_ID");
        String campaignId = setting(system, env, "braze.campaignId", "BRAZE_CAMPAIGN_ID");
        if (apiKey == null) {
            return new BrazeSettings(null, null, or(canvasId, DEMO_CANVAS_ID), or(campaignId, DEMO_CAMPAIGN_ID));
        }
        if (instance == null || canvasId == null || campaignId == null) {
            throw new IllegalStateException("A Braze API key is set, so the examples would message real users: also set"
                                            + " BRAZE_INSTANCE (e.g. US-01), BRAZE_CANVAS_ID and BRAZE_CAMPAIGN_ID"
                                            + " (or -Dbraze.instance, -Dbraze.canvasId, -Dbraze.campaignId).");
        }
        return new BrazeSettings(apiKey, instance.toUpperCase(Locale.ROOT), canvasId, campaignId);
    }

    private static String setting(Properties system, Map<String, String> env, String property, String variable) {
        String value = system.getProperty(property);
        if (value == null || value.isBlank()) {
            value = env.get(variable);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    /** True when no API key is configured: the examples then run against the in-process fake Braze. */
    public boolean useFake() {
        return apiKey == null;
    }

    public String apiKey() {
        return apiKey;
    }

    public String instance() {
        return instance;
    }

    public String canvasId() {
        return canvasId;
    }

    public String campaignId() {
        return campaignId;
    }

    /** Describes the target without the key. */
    @Override
    public String toString() {
        return useFake() ? "fake Braze" : "Braze " + instance + " (canvas " + canvasId + ", campaign " + campaignId + ")";
    }
}
