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
package io.camelbraze.trigger.test.standin;

import io.camelbraze.trigger.test.BrazeEndpoint;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * A test-only stand-in for the real {@code braze-trigger} component (which depends on this module, so it cannot be
 * used here): same name, same {@code baseUri} / {@code apiKey} component options, URIs
 * {@code braze-trigger:canvas?canvasId=...} and {@code braze-trigger:campaign?campaignId=...}. Registered through
 * {@code META-INF/services/org/apache/camel/component/braze-trigger} in the test resources, like a real component.
 */
public class StandInBrazeComponent extends DefaultComponent {

    private String baseUri;
    private String apiKey;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        BrazeEndpoint target = "campaign".equals(remaining) ? BrazeEndpoint.CAMPAIGN : BrazeEndpoint.CANVAS;
        StandInBrazeEndpoint endpoint = new StandInBrazeEndpoint(uri, this, target);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public String getBaseUri() {
        return baseUri;
    }

    public void setBaseUri(String baseUri) {
        this.baseUri = baseUri;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }
}
