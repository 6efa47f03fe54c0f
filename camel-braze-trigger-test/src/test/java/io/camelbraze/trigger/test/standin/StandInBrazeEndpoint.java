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
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** Endpoint of the {@link StandInBrazeComponent}. */
public class StandInBrazeEndpoint extends DefaultEndpoint {

    private final BrazeEndpoint target;
    private String canvasId;
    private String campaignId;

    StandInBrazeEndpoint(String uri, StandInBrazeComponent component, BrazeEndpoint target) {
        super(uri, component);
        this.target = target;
    }

    @Override
    public Producer createProducer() {
        StandInBrazeComponent component = (StandInBrazeComponent) getComponent();
        String id = target == BrazeEndpoint.CANVAS ? canvasId : campaignId;
        return new StandInBrazeProducer(this, target, id, component.getBaseUri(), component.getApiKey());
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("producer only");
    }

    public void setCanvasId(String canvasId) {
        this.canvasId = canvasId;
    }

    public void setCampaignId(String campaignId) {
        this.campaignId = campaignId;
    }
}
