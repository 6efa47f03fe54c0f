package io.camelbraze.trigger;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.camelbraze.trigger.delivery.RateLimitRegistry;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.ObjectHelper;

/**
 * The {@code braze-trigger} component: triggers Braze Canvas and campaign sends. Options set here (typically the API key
 * and instance, once) are the defaults of every endpoint, which may override them in its URI.
 * <p>
 * The component also owns what its endpoints share: the rate-limit state per API key and host (Braze counts per
 * workspace), the scheduler for delayed sends and the pool that completes exchanges off the HTTP I/O threads.
 */
@Component("braze-trigger")
public class BrazeTriggerComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(label = "common", defaultValue = "US-01",
              enums = "US-01,US-02,US-03,US-04,US-05,US-06,US-07,US-08,US-10,EU-01,EU-02,AU-01,ID-01,JP-01,KR-01",
              description = "Braze instance (case-insensitive) whose REST host endpoints call by default, e.g. US-01 or EU-01.")
    private String instance = "US-01";
    @Metadata(label = "advanced", description = "Explicit REST base URI (a proxy, or a fake Braze in tests); overrides instance."
                                                + " Must be https://, except for loopback hosts where http:// is accepted.")
    private String baseUri;
    @Metadata(label = "security", secret = true,
              description = "Braze REST API key, sent as Authorization: Bearer. Set it here once from a property placeholder or vault.")
    private String apiKey;
    @Metadata(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long to wait for a TCP/TLS connection to Braze, in milliseconds.")
    private long connectTimeout = 10_000;
    @Metadata(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "How long to wait for Braze's response once the request was sent, in milliseconds.")
    private long requestTimeout = 30_000;
    @Metadata(label = "producer", defaultValue = "3",
              description = "Retries the component makes itself for 429, 5xx and connections that never reached Braze. 0 leaves all"
                            + " retrying to Camel's error handler.")
    private int maxRetries = 3;
    @Metadata(label = "security", description = "TLS configuration for the connection to Braze.")
    private SSLContextParameters sslContextParameters;
    @Metadata(label = "security", defaultValue = "false", description = "Use the global SSLContextParameters of the CamelContext.")
    private boolean useGlobalSslContextParameters;

    private final RateLimitRegistry rateLimits = new RateLimitRegistry();
    private ScheduledExecutorService scheduler;
    private ExecutorService completions;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (ObjectHelper.isEmpty(remaining)) {
            throw new IllegalArgumentException("The operation is required: braze-trigger:canvas or braze-trigger:campaign");
        }
        BrazeTriggerConfiguration configuration = new BrazeTriggerConfiguration();
        try {
            configuration.setOperation(BrazeOperation.valueOf(remaining));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown operation '" + remaining + "': use braze-trigger:canvas or braze-trigger:campaign");
        }
        configuration.setInstance(instance);
        configuration.setBaseUri(baseUri);
        configuration.setApiKey(apiKey);
        configuration.setConnectTimeout(connectTimeout);
        configuration.setRequestTimeout(requestTimeout);
        configuration.setMaxRetries(maxRetries);
        configuration.setSslContextParameters(sslContextParameters);

        BrazeTriggerEndpoint endpoint = new BrazeTriggerEndpoint(uri, this, configuration);
        setProperties(endpoint, parameters);
        if (endpoint.getConfiguration().getSslContextParameters() == null && useGlobalSslContextParameters) {
            endpoint.getConfiguration().setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        endpoint.validateConfiguration();
        return endpoint;
    }

    /** Rate-limit state shared by this component's endpoints. */
    public RateLimitRegistry getRateLimits() {
        return rateLimits;
    }

    /** Scheduler for delayed sends (backoff, rate-limit waits). */
    synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            // unbounded queue: every exchange waiting for a backoff or a rate-limit reset is one scheduled task
            ThreadPoolProfile profile = new ThreadPoolProfile("BrazeTriggerScheduler");
            profile.setPoolSize(1);
            profile.setMaxQueueSize(-1);
            scheduler = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this, "BrazeTriggerScheduler", profile);
        }
        return scheduler;
    }

    /** Pool that completes exchanges, so routes never continue on the HTTP client's I/O threads. */
    synchronized ExecutorService completions() {
        if (completions == null) {
            ThreadPoolProfile profile = new ThreadPoolProfile("BrazeTriggerCompletion");
            profile.setPoolSize(2);
            profile.setMaxPoolSize(16);
            profile.setMaxQueueSize(-1);
            completions = getCamelContext().getExecutorServiceManager().newThreadPool(this, "BrazeTriggerCompletion", profile);
        }
        return completions;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdownGraceful(scheduler);
            scheduler = null;
        }
        if (completions != null) {
            getCamelContext().getExecutorServiceManager().shutdownGraceful(completions);
            completions = null;
        }
        super.doStop();
    }

    public String getInstance() {
        return instance;
    }

    public void setInstance(String instance) {
        this.instance = instance;
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

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
