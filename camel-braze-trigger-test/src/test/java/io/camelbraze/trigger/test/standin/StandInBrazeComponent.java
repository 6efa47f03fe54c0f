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
