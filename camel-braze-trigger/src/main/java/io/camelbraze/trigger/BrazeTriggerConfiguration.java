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

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Options of a {@code braze-trigger} endpoint. The component holds the component-level defaults; every endpoint gets a
 * copy it can override from its URI.
 */
@UriParams
public class BrazeTriggerConfiguration implements Cloneable {

    @UriPath(description = "What to trigger: canvas (POST /canvas/trigger/send) or campaign (POST /campaigns/trigger/send); the"
                           + " option action turns it into a schedule, a change of one, or a send-id creation",
             enums = "canvas,campaign")
    @Metadata(required = true)
    private BrazeOperation operation;

    // ---- target ----
    @UriParam(label = "producer", description = "Canvas API identifier (canvas endpoints). The header CamelBrazeCanvasId overrides it per exchange.")
    private String canvasId;
    @UriParam(label = "producer", description = "Campaign API identifier (campaign endpoints). The header CamelBrazeCampaignId overrides it per exchange.")
    private String campaignId;
    @UriParam(label = "producer", description = "Campaign send_id for per-send analytics (ASCII, at most 64 characters, created beforehand"
                                                + " with /sends/id/create). Campaign endpoints only; refused on a canvas endpoint.")
    private String sendId;
    @UriParam(label = "producer", defaultValue = "false",
              description = "Send to the whole segment the Canvas or campaign targets in the dashboard (narrowed by an audience, if any)."
                            + " Only this endpoint option can make a send a broadcast: no header or body field from upstream can.")
    private boolean broadcast;
    @UriParam(label = "producer", defaultValue = "true",
              description = "send_to_existing_only applied to recipients that don't set it themselves (never to user aliases). When unset"
                            + " the field is left out and Braze applies its default, true. false lets Braze create the user from the"
                            + " recipient's attributes, which are then required.")
    private Boolean sendToExistingOnly;
    @UriParam(label = "producer", description = "Default prioritization for email recipients that carry none (comma-separated, e.g."
                                                + " unidentified,most_recently_updated). Values: identified, unidentified, most_recently_updated,"
                                                + " least_recently_updated; at most one of identified/unidentified.")
    private String prioritization;

    // ---- action and schedule ----
    @UriParam(label = "producer", defaultValue = "send", enums = "send,schedule,updateSchedule,cancelSchedule,createSendId",
              description = "What to ask Braze: send (POST .../trigger/send, now); schedule (POST .../trigger/schedule/create, the"
                            + " schedule id comes back in CamelBrazeScheduleId); updateSchedule (.../trigger/schedule/update) or"
                            + " cancelSchedule (.../trigger/schedule/delete) of the schedule named by CamelBrazeScheduleId or the"
                            + " body's schedule_id; createSendId (campaigns only: POST /sends/id/create, the id comes back in"
                            + " CamelBrazeSendId; Braze allows 100 a day per workspace and a 429 is not retried).")
    private BrazeAction action = BrazeAction.send;
    @UriParam(label = "producer,schedule",
              description = "With action=schedule or updateSchedule: the schedule time when neither the header CamelBrazeScheduleTime"
                            + " nor the body's schedule gives one. ISO 8601, e.g. 2026-12-01T09:00:00Z; a time without zone"
                            + " designator is UTC, or each recipient's local time with inLocalTime.")
    private String scheduleTime;
    @UriParam(label = "producer,schedule", defaultValue = "false",
              description = "With action=schedule or updateSchedule: send at the schedule time in each recipient's own time zone"
                            + " (in_local_time), unless the header CamelBrazeScheduleInLocalTime or the body's schedule says"
                            + " otherwise. The time is sent without zone designator (a zoned time is taken as its local date-time);"
                            + " a time that has passed in every time zone (the local time plus 12 hours is before now) is refused.")
    private boolean inLocalTime;
    @UriParam(label = "producer,schedule", defaultValue = "false",
              description = "With action=schedule or updateSchedule: send on the schedule time's day at each recipient's optimal"
                            + " time (at_optimal_time), unless the header CamelBrazeScheduleAtOptimalTime or the body's schedule"
                            + " says otherwise. Exclusive with inLocalTime.")
    private boolean atOptimalTime;

    // ---- flat-record mapping ----
    @UriParam(label = "producer,mapping", description = "Flat records: the field holding the recipient's external user id.")
    private String externalIdField;
    @UriParam(label = "producer,mapping", description = "Flat records: the field holding the recipient's email address (needs a prioritization).")
    private String emailField;
    @UriParam(label = "producer,mapping", description = "Flat records: the field holding the recipient's user alias name (with aliasLabelField).")
    private String aliasNameField;
    @UriParam(label = "producer,mapping", description = "Flat records: the field holding the recipient's user alias label (with aliasNameField).")
    private String aliasLabelField;
    @UriParam(label = "producer,mapping", description = "Flat records: comma-separated fields copied into the recipient's context (canvas) or"
                                                        + " trigger_properties (campaign).")
    private String contextFields;
    @UriParam(label = "producer,mapping", description = "Flat records: comma-separated fields copied into the recipient's attributes.")
    private String attributeFields;

    // ---- connection (also on the component) ----
    @UriParam(label = "common", defaultValue = "US-01",
              enums = "US-01,US-02,US-03,US-04,US-05,US-06,US-07,US-08,US-10,EU-01,EU-02,AU-01,ID-01,JP-01,KR-01",
              description = "Braze instance (case-insensitive) whose REST host to call, e.g. US-01 or EU-01.")
    private String instance = "US-01";
    @UriParam(label = "advanced", description = "Explicit REST base URI (a proxy, or a fake Braze in tests); overrides instance. Must be"
                                                + " https://, except for loopback hosts where http:// is accepted.")
    private String baseUri;
    @UriParam(label = "security", secret = true, description = "Braze REST API key, sent as Authorization: Bearer. Usually set once on the"
                                                             + " component from a property placeholder or vault.")
    private String apiKey;
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long to wait for a TCP/TLS connection to Braze, in milliseconds.")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "How long to wait for Braze's response once the request was sent, in milliseconds.")
    private long requestTimeout = 30_000;
    @UriParam(label = "security", description = "TLS configuration (trust store, key store, protocols) for the connection to Braze.")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "proxy", description = "HTTP proxy host.")
    private String proxyHost;
    @UriParam(label = "proxy", description = "HTTP proxy port.")
    private Integer proxyPort;
    @UriParam(label = "advanced", defaultValue = "32",
              description = "Maximum open connections to Braze (raised to maxConcurrentRequests if that is higher).")
    private int maxTotalConnections = 32;
    @UriParam(label = "advanced", defaultValue = "32",
              description = "Maximum open connections per route (host) (raised to maxConcurrentRequests if that is higher).")
    private int connectionsPerRoute = 32;

    // ---- delivery ----
    @UriParam(label = "producer", defaultValue = "3",
              description = "Retries the component makes itself for 429, retryable 5xx and connections that never reached Braze, with"
                            + " exponential backoff and jitter. 0 leaves all retrying to Camel's error handler.")
    private int maxRetries = 3;
    @UriParam(label = "producer,advanced", defaultValue = "500", javaType = "java.time.Duration",
              description = "First retry backoff in milliseconds; doubled on each retry (with jitter) up to retryMaxDelay.")
    private long retryInitialDelay = 500;
    @UriParam(label = "producer,advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "Longest retry backoff in milliseconds.")
    private long retryMaxDelay = 30_000;
    @UriParam(label = "producer,advanced", defaultValue = "false",
              description = "Also retry ambiguous failures (a timeout or dropped connection after the request was written). Braze has"
                            + " no idempotency key, so this can message a customer twice.")
    private boolean retryAmbiguousFailures;
    @UriParam(label = "producer", defaultValue = "60000", javaType = "java.time.Duration",
              description = "Longest a request may wait in all, in milliseconds, for rate-limit windows to reset (pacing and after 429s"
                            + " together; waiting for Braze's first answer of a window does not count). More fails the exchange with"
                            + " BrazeRateLimitException and sets CamelRedeliveryDelay to the reset.")
    private long rateLimitMaxWait = 60_000;
    @UriParam(label = "producer", defaultValue = "1",
              description = "Producer-level batching: up to this many exchanges (at most 50) that target the same id with the same"
                            + " top-level context and send id share one request. 1 sends each exchange on its own.")
    private int batchSize = 1;
    @UriParam(label = "producer", defaultValue = "1000", javaType = "java.time.Duration",
              description = "When batchSize is above 1: the longest, in milliseconds, a partial batch waits for more exchanges before it is"
                            + " sent (once a request slot is free: at most maxConcurrentRequests of a kind are in flight). It usually"
                            + " leaves much sooner: at once when nothing of its kind is in flight, as soon as the senders of the last"
                            + " answer are back, else after a twentieth of Braze's round trip; only while the workspace's rate-limit"
                            + " budget is tight does it wait to fill.")
    private long batchTimeout = 1000;

    // ---- bulk sends ----
    @UriParam(label = "producer", defaultValue = "32",
              description = "The most requests one exchange keeps in flight at once when its recipients need several requests (a list"
                            + " or a streamed file of more than 50), and the most batches of one kind in flight with batchSize above 1."
                            + " A bulk send keeps fewer when the workspace's rate-limit budget is spent with fewer at Braze's round trip"
                            + " (budget per second times round trip). Every request is still paced by the workspace's rate limits; the"
                            + " connection pool (connectionsPerRoute, maxTotalConnections) is raised to at least this many.")
    private int maxConcurrentRequests = 32;
    @UriParam(label = "producer", defaultValue = "fail", enums = "fail,skip",
              description = "What to do with a record Braze would refuse: fail fails the exchange with BrazeValidationException (before"
                            + " anything is sent for a body held in memory; at the first invalid record for a streamed body, whose"
                            + " redelivery resumes after what Braze accepted); skip sends the valid records and lists each invalid one,"
                            + " with its position and reason, in the header CamelBrazeRejectedRecords.")
    private InvalidRecords invalidRecords = InvalidRecords.fail;
    @UriParam(label = "producer,advanced",
              description = "A Camel IdempotentRepository (memory, JDBC, Infinispan, Redis, Hazelcast, Kafka) remembering every request"
                            + " Braze accepted, keyed by idempotentKey and the request's content: after a crash or on another node,"
                            + " re-reading the same input sends only what Braze had not accepted. Requires idempotentKey.")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "producer,advanced",
              description = "Simple expression naming the input for idempotentRepository, e.g."
                            + " ${header.CamelFileName}-${header.CamelFileLastModified}. Keep it under 77 characters for camel-sql's"
                            + " default table.")
    private String idempotentKey;

    public BrazeTriggerConfiguration copy() {
        try {
            return (BrazeTriggerConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** The id option that applies to this endpoint's operation. */
    public String targetId() {
        return operation == BrazeOperation.campaign ? campaignId : canvasId;
    }

    /** The REST path this endpoint posts to: its action's path for its operation, e.g. {@code /canvas/trigger/schedule/create}. */
    public String requestPath() {
        return action.path(operation);
    }

    /** True when any flat-record mapping option is set. */
    public boolean hasFieldMapping() {
        return externalIdField != null || emailField != null || aliasNameField != null || aliasLabelField != null
                || contextFields != null || attributeFields != null;
    }

    public BrazeOperation getOperation() {
        return operation;
    }

    public void setOperation(BrazeOperation operation) {
        this.operation = operation;
    }

    public BrazeAction getAction() {
        return action;
    }

    public void setAction(BrazeAction action) {
        this.action = action;
    }

    public String getScheduleTime() {
        return scheduleTime;
    }

    public void setScheduleTime(String scheduleTime) {
        this.scheduleTime = scheduleTime;
    }

    public boolean isInLocalTime() {
        return inLocalTime;
    }

    public void setInLocalTime(boolean inLocalTime) {
        this.inLocalTime = inLocalTime;
    }

    public boolean isAtOptimalTime() {
        return atOptimalTime;
    }

    public void setAtOptimalTime(boolean atOptimalTime) {
        this.atOptimalTime = atOptimalTime;
    }

    public String getCanvasId() {
        return canvasId;
    }

    public void setCanvasId(String canvasId) {
        this.canvasId = canvasId;
    }

    public String getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(String campaignId) {
        this.campaignId = campaignId;
    }

    public String getSendId() {
        return sendId;
    }

    public void setSendId(String sendId) {
        this.sendId = sendId;
    }

    public boolean isBroadcast() {
        return broadcast;
    }

    public void setBroadcast(boolean broadcast) {
        this.broadcast = broadcast;
    }

    public Boolean getSendToExistingOnly() {
        return sendToExistingOnly;
    }

    public void setSendToExistingOnly(Boolean sendToExistingOnly) {
        this.sendToExistingOnly = sendToExistingOnly;
    }

    public String getPrioritization() {
        return prioritization;
    }

    public void setPrioritization(String prioritization) {
        this.prioritization = prioritization;
    }

    public String getExternalIdField() {
        return externalIdField;
    }

    public void setExternalIdField(String externalIdField) {
        this.externalIdField = externalIdField;
    }

    public String getEmailField() {
        return emailField;
    }

    public void setEmailField(String emailField) {
        this.emailField = emailField;
    }

    public String getAliasNameField() {
        return aliasNameField;
    }

    public void setAliasNameField(String aliasNameField) {
        this.aliasNameField = aliasNameField;
    }

    public String getAliasLabelField() {
        return aliasLabelField;
    }

    public void setAliasLabelField(String aliasLabelField) {
        this.aliasLabelField = aliasLabelField;
    }

    public String getContextFields() {
        return contextFields;
    }

    public void setContextFields(String contextFields) {
        this.contextFields = contextFields;
    }

    public String getAttributeFields() {
        return attributeFields;
    }

    public void setAttributeFields(String attributeFields) {
        this.attributeFields = attributeFields;
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

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public int getMaxTotalConnections() {
        return maxTotalConnections;
    }

    public void setMaxTotalConnections(int maxTotalConnections) {
        this.maxTotalConnections = maxTotalConnections;
    }

    public int getConnectionsPerRoute() {
        return connectionsPerRoute;
    }

    public void setConnectionsPerRoute(int connectionsPerRoute) {
        this.connectionsPerRoute = connectionsPerRoute;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public boolean isRetryAmbiguousFailures() {
        return retryAmbiguousFailures;
    }

    public void setRetryAmbiguousFailures(boolean retryAmbiguousFailures) {
        this.retryAmbiguousFailures = retryAmbiguousFailures;
    }

    public long getRateLimitMaxWait() {
        return rateLimitMaxWait;
    }

    public void setRateLimitMaxWait(long rateLimitMaxWait) {
        this.rateLimitMaxWait = rateLimitMaxWait;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public InvalidRecords getInvalidRecords() {
        return invalidRecords;
    }

    public void setInvalidRecords(InvalidRecords invalidRecords) {
        this.invalidRecords = invalidRecords;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getIdempotentKey() {
        return idempotentKey;
    }

    public void setIdempotentKey(String idempotentKey) {
        this.idempotentKey = idempotentKey;
    }

    public long getBatchTimeout() {
        return batchTimeout;
    }

    public void setBatchTimeout(long batchTimeout) {
        this.batchTimeout = batchTimeout;
    }

    @Override
    public String toString() {
        // never the API key
        return "BrazeTriggerConfiguration[operation=" + operation + ", action=" + action + ", target=" + targetId() + ", instance=" + instance
               + ", baseUri=" + baseUri + ", apiKey=" + (apiKey == null ? "<unset>" : "****") + "]";
    }
}
