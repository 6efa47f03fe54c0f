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
package io.camelbraze.trigger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelbraze.trigger.delivery.PendingRequests;
import io.camelbraze.trigger.ratelimit.RateLimitRegistry;
import io.camelbraze.trigger.http.BrazeClients;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
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

    /** Threads that run the deliveries' event loops and rate-limit wake-ups: short tasks that never run route code. */
    private static final int DELIVERY_THREADS = 8;

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

    @Metadata(label = "producer", defaultValue = "1000",
              description = "Most requests this component keeps waiting (for a rate-limit reset, a retry, a connection) or in flight,"
                            + " across all its endpoints. When reached, the route threads that send to the component wait for room"
                            + " (back-pressure on the consumer) instead of queueing without bound. Each pending request holds one"
                            + " serialised request of up to 50 recipients (typically 5 to 50 KB).")
    private int maxPendingRequests = 1000;

    /** The apiKey query value in an endpoint URI, plain or RAW(...) / RAW{...} (Camel's syntax), case-insensitive. */
    private static final Pattern API_KEY_IN_URI
            = Pattern.compile("([?&]apikey=)(RAW\\(.*?\\)(?=&|$)|RAW\\{.*?\\}(?=&|$)|[^&]*)", Pattern.CASE_INSENSITIVE);
    /** What an endpoint URI shows instead of a key given on a URI: the prefix of a stand-in this component resolves. */
    static final String KEY_STAND_IN_PREFIX = "redacted-";

    /** Keys given on endpoint URIs, by stand-in, and stand-ins by key: one stand-in per distinct key. */
    private final Map<String, String> keysByStandIn = new ConcurrentHashMap<>();
    private final Map<String, String> standInsByKey = new ConcurrentHashMap<>();
    private final AtomicInteger standIns = new AtomicInteger();

    // parked senders are woken on the delivery pool; each bucket's timer runs on the scheduler (both looked up when used)
    private final RateLimitRegistry rateLimits = new RateLimitRegistry(task -> deliveryThreads().execute(task), this::scheduler);
    private final BrazeClients clients = new BrazeClients();
    private ScheduledExecutorService scheduler;
    private ExecutorService deliveryThreads;
    private ExecutorService completions;
    private PendingRequests pendingRequests;

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

        BrazeTriggerEndpoint endpoint = new BrazeTriggerEndpoint(withoutRawKey(uri, parameters), this, configuration);
        setProperties(endpoint, parameters);
        if (endpoint.getConfiguration().getSslContextParameters() == null && useGlobalSslContextParameters) {
            endpoint.getConfiguration().setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        endpoint.validateConfiguration();
        return endpoint;
    }

    /**
     * Keeps a key given on the URI out of the URI the endpoint reports ({@code getEndpointUri()}, which Camel copies into
     * the {@code CamelToEndpoint} and {@code CamelFailureEndpoint} exchange properties, events, traces and consoles): the
     * key's value is replaced by a stand-in ({@code apiKey=redacted-1}) that this component, and only it, resolves back
     * to the key. So the reported URI still resolves to an equivalent endpoint, as Camel expects where it looks an
     * endpoint up again by its URI (a producer template's default endpoint, a dynamic recipient given as an endpoint),
     * and endpoints with different keys still differ. A bean reference ({@code apiKey=#name}) is left as it is.
     */
    private String withoutRawKey(String uri, Map<String, Object> parameters) {
        String option = parameters.keySet().stream().filter("apiKey"::equalsIgnoreCase).findFirst().orElse(null);
        if (option == null || !(parameters.get(option) instanceof String value) || value.isEmpty() || value.startsWith("#")) {
            return uri;
        }
        String standIn;
        String known = keysByStandIn.get(value);
        if (known != null) {
            // the URI an endpoint reported, looked up again (by Camel or by the application)
            parameters.put(option, known);
            standIn = value;
        } else if (value.startsWith(KEY_STAND_IN_PREFIX)) {
            throw new IllegalArgumentException("Option apiKey=" + value + " is the stand-in an endpoint URI shows for a key given"
                                               + " on another URI, and this component has not seen that key: give the key"
                                               + " itself, or better, set it on the component");
        } else {
            standIn = standInsByKey.computeIfAbsent(value, key -> {
                String name = KEY_STAND_IN_PREFIX + standIns.incrementAndGet();
                keysByStandIn.put(name, key);
                return name;
            });
        }
        Matcher matcher = API_KEY_IN_URI.matcher(uri);
        // a form the pattern does not know keeps Camel's own URI, as without this
        return matcher.find() ? uri.substring(0, matcher.end(1)) + standIn + uri.substring(matcher.end()) : uri;
    }

    /** Rate-limit state shared by this component's endpoints. */
    public RateLimitRegistry getRateLimits() {
        return rateLimits;
    }

    /** The HTTP clients, one per workspace, host and connection settings. */
    public BrazeClients getClients() {
        return clients;
    }

    /**
     * Scheduler for delayed sends (backoff, rate-limit waits). Its tasks are bounded by maxPendingRequests; after it stops
     * it refuses new tasks (the delivery then fails with a reason) rather than dropping them.
     */
    synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            ThreadPoolProfile profile = new ThreadPoolProfile("BrazeTriggerScheduler");
            profile.setPoolSize(1);
            profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
            scheduler = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this, "BrazeTriggerScheduler", profile);
        }
        return scheduler;
    }

    /**
     * Pool that runs the deliveries' event loops and wakes senders parked on a rate-limit bucket, off the HTTP client's I/O
     * threads: a fixed number of threads and a queue (bounded in practice by maxPendingRequests). No route code runs on
     * it, so a route that blocks after its send cannot hold up the deliveries of others.
     */
    synchronized ExecutorService deliveryThreads() {
        if (deliveryThreads == null) {
            ThreadPoolProfile profile = new ThreadPoolProfile("BrazeTriggerDelivery");
            profile.setPoolSize(DELIVERY_THREADS);
            profile.setMaxPoolSize(DELIVERY_THREADS);
            profile.setMaxQueueSize(Integer.MAX_VALUE);
            profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
            deliveryThreads = getCamelContext().getExecutorServiceManager().newThreadPool(this, "BrazeTriggerDelivery", profile);
        }
        return deliveryThreads;
    }

    /**
     * Pool on which routes continue after their send completed, each exchange as a task of its own: a route's next steps
     * may block (Camel's redelivery sleeps out its delay on the thread the exchange completed on, unless
     * {@code asyncDelayedRedelivery}), so it grows with the exchanges completing at once (bounded by those in flight)
     * rather than making one wait for another.
     */
    synchronized ExecutorService completions() {
        if (completions == null) {
            completions = getCamelContext().getExecutorServiceManager().newCachedThreadPool(this, "BrazeTriggerCompletion");
        }
        return completions;
    }

    /** The bound on requests waiting or in flight, shared by this component's endpoints. */
    synchronized PendingRequests pendingRequests() {
        if (pendingRequests == null) {
            pendingRequests = new PendingRequests(maxPendingRequests);
        }
        return pendingRequests;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (maxPendingRequests < 1) {
            throw new IllegalArgumentException("Option maxPendingRequests must be at least 1, was " + maxPendingRequests);
        }
    }

    /**
     * Stops the pool that runs the deliveries' event loops without losing an event: what is queued still runs (a
     * delivery's last events complete its exchange), new events run on the thread that posts them, and what the pool
     * did not start within the context's shutdown wait runs here.
     */
    private void stopCompletions(ExecutorService pool) throws InterruptedException {
        pool.shutdown();
        long waitMillis = Math.max(1000, getCamelContext().getShutdownStrategy().getTimeUnit()
                .toMillis(getCamelContext().getShutdownStrategy().getTimeout()));
        if (!pool.awaitTermination(waitMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            for (Runnable neverStarted : getCamelContext().getExecutorServiceManager().shutdownNow(pool)) {
                neverStarted.run();
            }
        } else {
            getCamelContext().getExecutorServiceManager().shutdown(pool);
        }
    }

    @Override
    protected synchronized void doStop() throws Exception {
        pendingRequests = null;
        clients.closeAll();
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdownGraceful(scheduler);
            scheduler = null;
        }
        if (deliveryThreads != null) {
            stopCompletions(deliveryThreads);
            deliveryThreads = null;
        }
        if (completions != null) {
            stopCompletions(completions);
            completions = null;
        }
        super.doStop();
    }

    public int getMaxPendingRequests() {
        return maxPendingRequests;
    }

    public void setMaxPendingRequests(int maxPendingRequests) {
        this.maxPendingRequests = maxPendingRequests;
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
