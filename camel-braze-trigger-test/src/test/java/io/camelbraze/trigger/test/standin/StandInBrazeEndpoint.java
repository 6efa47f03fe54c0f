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
