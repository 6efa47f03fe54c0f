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
package io.camelbraze.trigger.springboot;

import java.time.Duration;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code braze-trigger} component's options, bound from {@code camel.component.braze-trigger.*} (relaxed binding:
 * {@code api-key}, {@code apiKey} and {@code CAMEL_COMPONENT_BRAZETRIGGER_APIKEY} are the same option). Every option of
 * the component is here (the starter's tests compare this class with the component's JSON descriptor); values left unset
 * keep the component's defaults. Values may use Spring's {@code ${...}} and Camel's {@code {{...}}} placeholders
 * ({@code {{env:BRAZE_API_KEY}}}, vault functions).
 * <p>
 * Modelled on the {@code *ComponentConfiguration} classes of Camel's own starters. The field javadoc is the option's
 * description in {@code spring-configuration-metadata.json}; it starts with the description in the component's
 * descriptor.
 */
@ConfigurationProperties(prefix = BrazeTriggerComponentConfiguration.PREFIX)
public class BrazeTriggerComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /** The prefix of the component's options. */
    public static final String PREFIX = "camel.component.braze-trigger";

    /**
     * Whether to enable auto configuration of the braze-trigger component. This is enabled by default.
     */
    @SuppressWarnings("unused") // bound through the inherited accessors; declared here for its description
    private boolean enabled = true;

    /**
     * Braze instance (case-insensitive) whose REST host endpoints call by default, e.g. US-01 or EU-01.
     */
    private String instance = "US-01";
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause the
     * route to fail being started. By deferring this startup to be lazy then the startup failure can be handled during
     * routing messages via Camel's routing error handlers. Beware that when the first message is processed then creating
     * and starting the producer may take a little time and prolong the total processing time of the processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * Retries the component makes itself for 429, 5xx and connections that never reached Braze. 0 leaves all retrying to
     * Camel's error handler.
     */
    private Integer maxRetries = 3;
    /**
     * Most requests this component keeps waiting (for a rate-limit reset, a retry, a connection) or in flight, across all
     * its endpoints. When reached, the route threads that send to the component wait for room (back-pressure on the
     * consumer) instead of queueing without bound. Each pending request holds one serialised request of up to 50
     * recipients (typically 5 to 50 KB).
     */
    private Integer maxPendingRequests = 1000;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * Explicit REST base URI (a proxy, or a fake Braze in tests); overrides instance. Must be https://, except for
     * loopback hosts where http:// is accepted.
     */
    private String baseUri;
    /**
     * How long to wait for a TCP/TLS connection to Braze, in milliseconds. A unit may be given too, e.g. 10s.
     */
    private Duration connectTimeout = Duration.ofSeconds(10);
    /**
     * How long to wait for Braze's response once the request was sent, in milliseconds. A unit may be given too, e.g.
     * 30s.
     */
    private Duration requestTimeout = Duration.ofSeconds(30);
    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by default
     * disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;
    /**
     * Braze REST API key, sent as Authorization: Bearer. Set it here once from a property placeholder or vault. Masked
     * in /actuator/configprops and /actuator/env.
     */
    private String apiKey;
    /**
     * TLS configuration for the connection to Braze. The option is a
     * org.apache.camel.support.jsse.SSLContextParameters type: refer to a bean with #bean:name.
     */
    private SSLContextParameters sslContextParameters;
    /**
     * Use the global SSLContextParameters of the CamelContext.
     */
    private Boolean useGlobalSslContextParameters = false;

    public String getInstance() {
        return instance;
    }

    public void setInstance(String instance) {
        this.instance = instance;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Integer getMaxPendingRequests() {
        return maxPendingRequests;
    }

    public void setMaxPendingRequests(Integer maxPendingRequests) {
        this.maxPendingRequests = maxPendingRequests;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getBaseUri() {
        return baseUri;
    }

    public void setBaseUri(String baseUri) {
        this.baseUri = baseUri;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    /** Never prints the API key. */
    @Override
    public String toString() {
        return "BrazeTriggerComponentConfiguration[instance=" + instance + ", baseUri=" + baseUri + ", apiKey="
               + (apiKey == null ? "<not set>" : "<set>") + "]";
    }
}
