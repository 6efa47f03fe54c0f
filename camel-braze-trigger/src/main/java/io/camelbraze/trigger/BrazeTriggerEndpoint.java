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

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.camelbraze.trigger.delivery.CompositeDeliveryListener;
import io.camelbraze.trigger.delivery.DeliveryListener;
import io.camelbraze.trigger.delivery.DeliveryStatistics;
import io.camelbraze.trigger.ratelimit.RateLimitRegistry;
import io.camelbraze.trigger.logging.DeliveryLogger;
import io.camelbraze.trigger.metrics.DeliveryMetrics;
import io.camelbraze.trigger.model.TriggerRequest;
import io.camelbraze.trigger.schedule.ActionOptions;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Trigger Braze API-triggered Canvas and campaign sends for the recipients an exchange carries.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "braze-trigger", title = "Braze Trigger", syntax = "braze-trigger:operation",
             producerOnly = true, category = { Category.CLOUD, Category.API, Category.SAAS },
             headersClass = BrazeTriggerConstants.class)
public class BrazeTriggerEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    @UriParam
    private BrazeTriggerConfiguration configuration;

    private final DeliveryStatistics statistics = new DeliveryStatistics();
    private final CompositeDeliveryListener listener = new CompositeDeliveryListener(statistics);
    private DeliveryListener logger;
    private DeliveryListener metrics;

    public BrazeTriggerEndpoint(String uri, BrazeTriggerComponent component, BrazeTriggerConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (logger == null) {
            String action = configuration.getAction() == BrazeAction.send ? "" : " " + configuration.getAction();
            logger = new DeliveryLogger(configuration.getOperation() + action + " "
                                        + Objects.toString(configuration.targetId(), "<from header>"));
            listener.add(logger);
        }
        if (metrics == null) {
            // Micrometer is optional: a listener exists only when it is on the classpath and a MeterRegistry is bound
            metrics = DeliveryMetrics.listenerFor(this).orElse(null);
            if (metrics != null) {
                listener.add(metrics);
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (metrics != null) {
            listener.remove(metrics);
            metrics = null;
        }
        super.doStop();
    }

    @Override
    public Producer createProducer() throws Exception {
        return new BrazeTriggerProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("braze-trigger is a producer only: use it in to(...), not from(...)");
    }

    @Override
    public BrazeTriggerComponent getComponent() {
        return (BrazeTriggerComponent) super.getComponent();
    }

    public BrazeTriggerConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(BrazeTriggerConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Sends, failures and waits of this endpoint, for the health check and the dev console. */
    public DeliveryStatistics getStatistics() {
        return statistics;
    }

    /** Every observer of this endpoint's deliveries (statistics, metrics when available). */
    public CompositeDeliveryListener getListener() {
        return listener;
    }

    /** The rate-limit buckets this endpoint's requests draw from (shared by endpoints with the same key and host). */
    public RateLimitRegistry.Buckets rateLimitBuckets() {
        return getComponent().getRateLimits().bucketsFor(resolveBaseUri(), configuration.getApiKey());
    }

    /** The REST base URL requests go to: {@code baseUri} when set, else the instance's host. */
    public String resolveBaseUri() {
        String base = configuration.getBaseUri() != null ? configuration.getBaseUri()
                : BrazeInstance.fromCode(configuration.getInstance()).restUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Checks the options when the endpoint is created, so that a bad URI fails at route start, not at the first message. */
    void validateConfiguration() {
        BrazeOperation operation = configuration.getOperation();
        BrazeInstance.fromCode(configuration.getInstance());
        if (configuration.getBaseUri() != null) {
            validateBaseUri(configuration.getBaseUri());
        }
        if (operation == BrazeOperation.canvas) {
            refuseOnCanvas("sendId", configuration.getSendId(), "send_id exists only for campaigns");
            refuseOnCanvas("campaignId", configuration.getCampaignId(), "use canvasId on a canvas endpoint");
        } else if (configuration.getCanvasId() != null) {
            throw new IllegalArgumentException("Option canvasId is not valid on a campaign endpoint: use campaignId");
        }
        String sendId = configuration.getSendId();
        if (sendId != null && (sendId.length() > 64 || !sendId.chars().allMatch(c -> c < 128))) {
            throw new IllegalArgumentException("Option sendId must be ASCII and at most 64 characters");
        }
        if ((configuration.getAliasNameField() == null) != (configuration.getAliasLabelField() == null)) {
            throw new IllegalArgumentException("Options aliasNameField and aliasLabelField must be set together");
        }
        // every numeric option, each refused with a message naming it: the catalog (IDEs, Kaoto) checks types, not ranges
        requireBetween("batchSize", configuration.getBatchSize(), 1, TriggerRequest.MAX_RECIPIENTS_PER_REQUEST, "Braze takes at most 50 recipients a request");
        requireBetween("maxRetries", configuration.getMaxRetries(), 0, Integer.MAX_VALUE, "0 leaves retrying to Camel");
        requirePositive("connectTimeout", configuration.getConnectTimeout());
        requirePositive("requestTimeout", configuration.getRequestTimeout());
        refuseNegative("retryInitialDelay", configuration.getRetryInitialDelay());
        refuseNegative("retryMaxDelay", configuration.getRetryMaxDelay());
        refuseNegative("rateLimitMaxWait", configuration.getRateLimitMaxWait());
        refuseNegative("batchTimeout", configuration.getBatchTimeout());
        requirePositive("maxTotalConnections", configuration.getMaxTotalConnections());
        requirePositive("connectionsPerRoute", configuration.getConnectionsPerRoute());
        requirePositive("maxConcurrentRequests", configuration.getMaxConcurrentRequests());
        if (configuration.getProxyPort() != null) {
            requireBetween("proxyPort", configuration.getProxyPort(), 1, 65535, "a TCP port");
        }
        if ((configuration.getIdempotentRepository() == null) != (configuration.getIdempotentKey() == null)) {
            throw new IllegalArgumentException("Options idempotentRepository and idempotentKey must be set together (the key names"
                                               + " the input, e.g. idempotentKey=${header.CamelFileName})");
        }
        ActionOptions.validate(configuration);
    }

    private static void refuseNegative(String option, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("Option " + option + " must not be negative, was " + value);
        }
    }

    private static void requirePositive(String option, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("Option " + option + " must be positive, was " + value);
        }
    }

    private static void requireBetween(String option, long value, long min, long max, String why) {
        if (value < min || value > max) {
            String range = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
            throw new IllegalArgumentException("Option " + option + " must be " + range + " (" + why + "), was " + value);
        }
    }

    private static void refuseOnCanvas(String option, Object value, String why) {
        if (value != null) {
            throw new IllegalArgumentException("Option " + option + " is not valid on a canvas endpoint: " + why);
        }
    }

    /** https:// anywhere; http:// only to this machine (a local fake or proxy), so a key never crosses a network in clear. */
    static void validateBaseUri(String baseUri) {
        URI uri;
        try {
            uri = new URI(baseUri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Option baseUri is not a valid URI: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("Option baseUri must be an absolute https:// URI, got: " + baseUri);
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(
                    "Option baseUri must use https:// (http:// is accepted only for loopback hosts), got: " + baseUri);
        }
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean ipLiteral = bare.contains(":") || bare.matches("[0-9.]+");
        if (!ipLiteral) {
            return false; // never resolve names here: only literal loopback addresses count
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String getServiceUrl() {
        return resolveBaseUri();
    }

    @Override
    public String getServiceProtocol() {
        return resolveBaseUri().startsWith("http://") ? "http" : "https";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("operation", configuration.getOperation().name());
        metadata.put("instance", configuration.getInstance());
        if (configuration.targetId() != null) {
            metadata.put(configuration.getOperation().idOption(), configuration.targetId());
        }
        return metadata;
    }
}
