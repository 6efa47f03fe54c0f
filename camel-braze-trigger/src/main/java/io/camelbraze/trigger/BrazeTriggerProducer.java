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

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import io.camelbraze.trigger.batch.BatchDeparture;
import io.camelbraze.trigger.batch.RecipientBatcher;
import io.camelbraze.trigger.batch.ShutdownAnnouncement;
import io.camelbraze.trigger.delivery.ActiveDeliveries;
import io.camelbraze.trigger.delivery.ChunkProgress;
import io.camelbraze.trigger.delivery.ChunkSource;
import io.camelbraze.trigger.delivery.Delivery;
import io.camelbraze.trigger.delivery.DeliveryContext;
import io.camelbraze.trigger.delivery.DeliveryListener.FailureKind;
import io.camelbraze.trigger.delivery.DeliveryOutcome;
import io.camelbraze.trigger.delivery.DeliveryPolicy;
import io.camelbraze.trigger.delivery.ExchangeCompletion;
import io.camelbraze.trigger.delivery.IdempotentChunks;
import io.camelbraze.trigger.delivery.TargetProgress;
import io.camelbraze.trigger.ratelimit.RateLimitBucket;
import io.camelbraze.trigger.ratelimit.RateLimitRegistry;
import io.camelbraze.trigger.delivery.RequestChunks;
import io.camelbraze.trigger.delivery.ResponseInterpreter;
import io.camelbraze.trigger.delivery.RetryBackoff;
import io.camelbraze.trigger.delivery.RoundTrips;
import io.camelbraze.trigger.delivery.SingleRequest;
import io.camelbraze.trigger.health.ProducerHealthCheckRegistration;
import io.camelbraze.trigger.http.BrazeClients;
import io.camelbraze.trigger.http.BrazeHttpClient;
import io.camelbraze.trigger.mapping.BrazeJson;
import io.camelbraze.trigger.mapping.RecipientSource;
import io.camelbraze.trigger.mapping.RejectedRecords;
import io.camelbraze.trigger.mapping.SendPlan;
import io.camelbraze.trigger.mapping.SendPlanner;
import io.camelbraze.trigger.mapping.SingleRequestMapper;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;
import io.camelbraze.trigger.schedule.ScheduleValidator;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each exchange into Braze trigger requests and sends them asynchronously: the route thread is released while the
 * requests are in flight, and the callback is completed exactly once whatever happens (including an exception or
 * {@code Error} thrown by the mapping, a listener or a callback). The message body is left as it was.
 */
public class BrazeTriggerProducer extends DefaultAsyncProducer {

    /** Braze takes at most 50 recipients a request (kept here for callers of earlier versions). */
    public static final int MAX_RECIPIENTS_PER_REQUEST = TriggerRequest.MAX_RECIPIENTS_PER_REQUEST;

    /** Shortest CamelRedeliveryDelay set for a 429: Braze's reset has whole-second precision, and clocks differ. */
    static final long MIN_REDELIVERY_DELAY_MILLIS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(BrazeTriggerProducer.class);

    private static final AtomicLong STEP_IDS = new AtomicLong();

    private final BrazeTriggerEndpoint endpoint;
    private final BrazeTriggerConfiguration configuration;
    private final SendPlanner planner;
    private final SingleRequestMapper singleRequests;
    private final ResultHeaders results;
    // this route step: chunk progress is kept per step and target, so another step (or a loop's next pass) starts fresh
    private final String stepId = "step" + STEP_IDS.incrementAndGet();
    private final ActiveDeliveries active = new ActiveDeliveries();
    private BrazeHttpClient client;
    private DeliveryContext delivery;
    private RateLimitRegistry.Buckets buckets;
    private RecipientBatcher batcher;
    private ExecutorService completions; // where routes continue after their send
    private Expression idempotentKey;
    private ProducerHealthCheckRegistration healthCheck;
    private ShutdownAnnouncement shutdownListener;

    public BrazeTriggerProducer(BrazeTriggerEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        ScheduleValidator schedules = new ScheduleValidator(java.time.Clock.systemUTC());
        this.planner = new SendPlanner(configuration, schedules);
        // null unless the action changes something that exists (a schedule) or creates a send id: one request, no recipients
        this.singleRequests = SingleRequestMapper.forAction(configuration, schedules);
        this.results = new ResultHeaders(configuration);
    }

    @Override
    public BrazeTriggerEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (ObjectHelper.isEmpty(configuration.getApiKey())) {
            throw new IllegalArgumentException("The Braze API key is not set: set apiKey on the braze-trigger component"
                                               + " (e.g. camel.component.braze-trigger.api-key={{env:BRAZE_API_KEY}}) or endpoint");
        }
        String baseUri = endpoint.resolveBaseUri();
        BrazeTriggerComponent component = endpoint.getComponent();
        completions = component.completions();
        if (client == null) {
            // the pool lets one exchange keep its maxConcurrentRequests requests in flight at Braze, not just queued for a lease
            int perRoute = Math.max(configuration.getConnectionsPerRoute(), configuration.getMaxConcurrentRequests());
            BrazeClients.Key key = new BrazeClients.Key(baseUri, configuration.getApiKey(),
                    configuration.getSslContextParameters(), configuration.getProxyHost(), configuration.getProxyPort(),
                    configuration.getConnectTimeout(), Math.max(configuration.getMaxTotalConnections(), perRoute), perRoute);
            client = component.getClients().lease(key, this::sslContext, configuration.getRequestTimeout());
        }
        buckets = endpoint.rateLimitBuckets();
        String path = configuration.requestPath();
        delivery = new DeliveryContext(client, path,
                new ResponseInterpreter(BrazeJson.mapper(), configuration.getApiKey()),
                new DeliveryPolicy(configuration.getMaxRetries(),
                        new RetryBackoff(configuration.getRetryInitialDelay(), configuration.getRetryMaxDelay()),
                        configuration.isRetryAmbiguousFailures(), configuration.getRateLimitMaxWait(),
                        configuration.getAction() != BrazeAction.createSendId),
                component.scheduler(), component.deliveryThreads(), component.pendingRequests(), active, endpoint.getListener(),
                System::currentTimeMillis, new RoundTrips());
        if (configuration.getIdempotentRepository() != null) {
            // a repository bean referenced only here would otherwise never be started (JDBC ones create their table then)
            ServiceHelper.startService(configuration.getIdempotentRepository());
        }
        if (configuration.getIdempotentKey() != null) {
            idempotentKey = getEndpoint().getCamelContext().resolveLanguage("simple")
                    .createExpression(configuration.getIdempotentKey());
        }
        if (configuration.getBatchSize() > 1 && configuration.getIdempotentRepository() == null) {
            BatchDeparture departure = new BatchDeparture(configuration.getBatchSize(), configuration.getBatchTimeout(),
                    delivery.roundTrips()::millis);
            batcher = new RecipientBatcher(departure, configuration.getMaxConcurrentRequests(),
                    template -> bucketFor(template).budgetTight(System.currentTimeMillis()), component.scheduler(),
                    System::currentTimeMillis, this::deliverBatch);
        }
        if (batcher != null) {
            shutdownListener = new ShutdownAnnouncement(this::sendGatheringBatches);
            getEndpoint().getCamelContext().getManagementStrategy().addEventNotifier(shutdownListener);
        }
        healthCheck = ProducerHealthCheckRegistration.register(endpoint, buckets);
        LOG.info("Started braze-trigger {} producer ({} {}) for {} {} on instance {} ({}){}", configuration.getOperation(),
                configuration.getAction(), path,
                configuration.getOperation().idOption(), Objects.toString(configuration.targetId(), "<from header>"),
                configuration.getBaseUri() == null ? configuration.getInstance() : "<baseUri>", baseUri,
                batcher == null ? "" : ", batching up to " + configuration.getBatchSize() + " recipients");
    }

    private javax.net.ssl.SSLContext sslContext() {
        try {
            return configuration.getSslContextParameters() == null
                    ? null : configuration.getSslContextParameters().createSSLContext(getEndpoint().getCamelContext());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the TLS context for Braze: " + e.getMessage(), e);
        }
    }

    /**
     * The CamelContext announces its stop before it waits for the exchanges in flight: gathering batches are sent then, so
     * that their exchanges complete within that wait instead of being failed after it. (Camel's ShutdownPrepared does not
     * reach producers: they are not among a route's child services.)
     */
    private void sendGatheringBatches() {
        RecipientBatcher current = batcher;
        if (current != null) {
            LOG.debug("Shutdown announced: sending the {} record(s) gathering in batches now", current.gathering());
            current.flushAll();
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheck != null) {
            healthCheck.unregister();
            healthCheck = null;
        }
        if (shutdownListener != null) {
            getEndpoint().getCamelContext().getManagementStrategy().removeEventNotifier(shutdownListener);
            shutdownListener = null;
        }
        if (batcher != null) {
            batcher.flushAll();
            batcher = null;
        }
        int aborted = active.abortAll("The braze-trigger producer stopped before Braze answered");
        if (aborted > 0) {
            LOG.warn("Stopped the braze-trigger {} producer with {} delivery(ies) unfinished: each exchange was completed with a"
                     + " BrazeTransportException", configuration.getOperation(), aborted);
        }
        super.doStop();
    }

    @Override
    protected void doShutdown() throws Exception {
        if (client != null) {
            client.close();
            client = null;
        }
        super.doShutdown();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            clearOwnRedeliveryDelay(exchange);
            delivery.pending().awaitRoom();
            if (singleRequests != null) {
                // updateSchedule, cancelSchedule, createSendId: one request on the workspace's shared hourly bucket
                return deliver(exchange, new SingleRequest(singleRequests.map(exchange)), buckets.forSend(false), null,
                        configuration.targetId(), callback);
            }
            SendPlan plan = planner.plan(exchange, configuration.getInvalidRecords() == InvalidRecords.skip);
            if (!plan.isStreamed() && plan.recipients() != null) {
                // a body already in memory: every record is read (and, in fail mode, validated) before anything is sent
                List<Recipient> recipients = plan.recipients().readAll();
                plan.recipients().close();
                if (recipients.isEmpty()) {
                    results.allRejected(exchange.getMessage(), plan.rejects());
                    callback.done(true);
                    return true;
                }
                TriggerRequest request = plan.template().withRecipients(recipients);
                if (batcher != null && RecipientBatcher.isBatchable(request)) {
                    results.rejects(exchange.getMessage(), plan.rejects());
                    ExchangeCompletion completion = new ExchangeCompletion(callback);
                    batcher.add(request, exchange, completion);
                    return completion.processReturning();
                }
                plan = new SendPlan(plan.template(), RecipientSource.inMemory(recipients), plan.rejects());
            }
            return deliver(exchange, plan, callback);
        } catch (BrazeValidationException e) {
            endpoint.getListener().failed(FailureKind.VALIDATION, e.getField()); // the composite isolates failing listeners
            exchange.setException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.setException(new BrazeTransportException(
                    "Interrupted while waiting for room among the component's pending requests; nothing was sent", e, false));
        } catch (Throwable t) {
            exchange.setException(t);
        }
        callback.done(true);
        return true;
    }

    private boolean deliver(Exchange exchange, SendPlan plan, AsyncCallback callback) {
        // schedule creates draw from the same buckets as sends: broadcast / audience per minute, targeted hourly
        return deliver(exchange, new RequestChunks(plan.template(), plan.recipients(), MAX_RECIPIENTS_PER_REQUEST),
                bucketFor(plan.template()), plan.rejects(), targetIdOf(plan.template()), callback);
    }

    private boolean deliver(Exchange exchange, ChunkSource chunks, RateLimitBucket bucket, RejectedRecords rejects,
                            String targetId, AsyncCallback callback) {
        // a redelivery of this step to this target resumes after what Braze accepted; any other step starts fresh
        ChunkProgress progress = ChunkProgress.copyOf(
                exchange.getProperty(BrazeTriggerConstants.PROPERTY_CHUNK_PROGRESS, ChunkProgress.class));
        exchange.setProperty(BrazeTriggerConstants.PROPERTY_CHUNK_PROGRESS, progress);
        String step = stepId + ' ' + configuration.requestPath() + '@' + buckets.workspaceId() + ' ' + targetId;
        TargetProgress target = progress.of(step);
        IdempotentChunks idempotent = configuration.getIdempotentRepository() == null ? null
                : new IdempotentChunks(configuration.getIdempotentRepository(), inputKey(exchange));
        ExchangeCompletion completion = new ExchangeCompletion(callback);
        new Delivery(delivery, chunks, bucket, target, idempotent, configuration.getMaxConcurrentRequests(), outcome -> {
            try {
                Throwable failure = results.delivered(exchange.getMessage(), outcome, rejects, outcome.failedRequests());
                if (failure != null) {
                    fail(exchange, failure);
                } else {
                    progress.remove(step); // done: nothing of this step is left to resume
                }
            } catch (Throwable t) {
                exchange.setException(t);
            } finally {
                continueRoute(completion::done);
            }
        }).startHere();
        return completion.processReturning();
    }

    private String inputKey(Exchange exchange) {
        String key = idempotentKey.evaluate(exchange, String.class);
        if (ObjectHelper.isEmpty(key)) {
            throw new BrazeValidationException("idempotentKey", "the expression " + configuration.getIdempotentKey()
                                                                + " gave no value for this exchange: it must name the input");
        }
        return key;
    }

    /** Sends one batch of compatible exchanges as a single request and completes each of them independently. */
    private void deliverBatch(TriggerRequest merged, List<RecipientBatcher.Member> members, Runnable whenDone) {
        RecipientSource recipients = RecipientSource.inMemory(merged.recipients());
        new Delivery(delivery, new RequestChunks(merged.withRecipients((List<Recipient>) null), recipients,
                MAX_RECIPIENTS_PER_REQUEST), bucketFor(merged), new ChunkProgress().of("batch"), null, 1, outcome -> {
                    // the batcher first hears that the request ended, then the members' senders may send again: it
                    // knows them as returning senders, whose next records it waits for
                    try {
                        whenDone.run();
                    } finally {
                        for (RecipientBatcher.Member member : members) {
                            continueRoute(() -> completeMember(member, outcome));
                        }
                    }
                }).start();
    }

    private void completeMember(RecipientBatcher.Member member, DeliveryOutcome outcome) {
        try {
            if (outcome.failure() != null) {
                results.batchFailed(member.exchange().getMessage(), member.recipientCount());
                fail(member.exchange(), results.explain(member.exchange().getMessage(), outcome.failure()));
            } else {
                results.accepted(member.exchange().getMessage(), outcome.accepted(), member.recipientCount());
            }
        } catch (Throwable t) {
            member.exchange().setException(t);
        } finally {
            member.done();
        }
    }

    /**
     * Hands an exchange back to its route on a thread of its own, never on the delivery's: the route's next steps may
     * block (a redelivery sleeping out its delay), and each member of a batch must not wait for the one before it. While
     * the component stops and the pool refuses, the route continues here.
     */
    private void continueRoute(Runnable completion) {
        try {
            completions.execute(completion);
        } catch (RejectedExecutionException stopping) {
            completion.run();
        }
    }

    private static String targetIdOf(TriggerRequest request) {
        return request.canvasId() != null ? request.canvasId() : request.campaignId();
    }

    private RateLimitBucket bucketFor(TriggerRequest request) {
        return buckets.forSend(Boolean.TRUE.equals(request.broadcast()) || request.audience() != null);
    }

    /**
     * Removes a {@code CamelRedeliveryDelay} this component set after a 429 (told by the header beside it, which survives a
     * dead-letter store that keeps headers): it must not delay the redelivery of a failure that is not a rate limit.
     * Called when a send starts (Camel's error handler hands a redelivery the message as it came in, headers and all) and
     * when it fails; the error handler reads the delay from the failed message.
     */
    private static void clearOwnRedeliveryDelay(Exchange exchange) {
        org.apache.camel.Message message = exchange.getMessage();
        Object ours = message.removeHeader(BrazeTriggerConstants.RATE_LIMIT_REDELIVERY_DELAY);
        if (ours != null && java.util.Objects.equals(String.valueOf(ours),
                String.valueOf(message.getHeader(Exchange.REDELIVERY_DELAY)))) {
            message.removeHeader(Exchange.REDELIVERY_DELAY);
        }
    }

    private void fail(Exchange exchange, Throwable failure) {
        clearOwnRedeliveryDelay(exchange);
        if (failure instanceof BrazeRateLimitException rateLimit && rateLimit.getResetTime() != null) {
            long delay = Math.max(MIN_REDELIVERY_DELAY_MILLIS, rateLimit.getResetTime().toEpochMilli() - System.currentTimeMillis());
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delay);
            exchange.getMessage().setHeader(BrazeTriggerConstants.RATE_LIMIT_REDELIVERY_DELAY, delay);
        }
        exchange.setException(failure);
    }
}
