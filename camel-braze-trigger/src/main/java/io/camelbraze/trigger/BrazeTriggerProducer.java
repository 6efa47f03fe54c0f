package io.camelbraze.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelbraze.trigger.batch.RecipientBatcher;
import io.camelbraze.trigger.delivery.AcceptedRequest;
import io.camelbraze.trigger.delivery.ChunkProgress;
import io.camelbraze.trigger.delivery.ChunkedDelivery;
import io.camelbraze.trigger.delivery.DeliveryContext;
import io.camelbraze.trigger.delivery.DeliveryListener.FailureKind;
import io.camelbraze.trigger.delivery.DeliveryPolicy;
import io.camelbraze.trigger.delivery.PreparedChunk;
import io.camelbraze.trigger.delivery.RateLimitBucket;
import io.camelbraze.trigger.delivery.RateLimitRegistry;
import io.camelbraze.trigger.delivery.ResponseInterpreter;
import io.camelbraze.trigger.delivery.RetryBackoff;
import io.camelbraze.trigger.health.ProducerHealthCheckRegistration;
import io.camelbraze.trigger.http.BrazeHttpClient;
import io.camelbraze.trigger.http.HttpClient5BrazeClient;
import io.camelbraze.trigger.http.HttpClientSettings;
import io.camelbraze.trigger.mapping.BrazeJson;
import io.camelbraze.trigger.mapping.BrazeRequestMapper;
import io.camelbraze.trigger.mapping.RequestChunker;
import io.camelbraze.trigger.model.TriggerRequest;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each exchange into Braze trigger requests and sends them asynchronously: the route thread is released while the
 * request is in flight, and the callback is completed exactly once whatever happens. The message body is left as it was.
 */
public class BrazeTriggerProducer extends DefaultAsyncProducer {

    /** Braze takes at most 50 recipients a request. */
    public static final int MAX_RECIPIENTS_PER_REQUEST = 50;

    private static final Logger LOG = LoggerFactory.getLogger(BrazeTriggerProducer.class);

    // where a delivery stands relative to process(): decides between done(true) and done(false)
    private static final int STARTING = 0;
    private static final int RUNNING = 1;
    private static final int DONE_WHILE_STARTING = 2;

    private final BrazeTriggerEndpoint endpoint;
    private final BrazeTriggerConfiguration configuration;
    private final BrazeRequestMapper mapper;
    private BrazeHttpClient client;
    private DeliveryContext delivery;
    private RateLimitRegistry.Buckets buckets;
    private RecipientBatcher batcher;
    private ProducerHealthCheckRegistration healthCheck;

    public BrazeTriggerProducer(BrazeTriggerEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.mapper = new BrazeRequestMapper(configuration);
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
        if (client == null) {
            client = new HttpClient5BrazeClient(new HttpClientSettings(
                    baseUri, configuration.getApiKey(), configuration.getConnectTimeout(), configuration.getRequestTimeout(),
                    configuration.getSslContextParameters() == null
                            ? null : configuration.getSslContextParameters().createSSLContext(getEndpoint().getCamelContext()),
                    configuration.getProxyHost(), configuration.getProxyPort(),
                    configuration.getMaxTotalConnections(), configuration.getConnectionsPerRoute()));
        }
        BrazeTriggerComponent component = endpoint.getComponent();
        buckets = endpoint.rateLimitBuckets();
        delivery = new DeliveryContext(client, configuration.getOperation().path(),
                new ResponseInterpreter(BrazeJson.mapper(), configuration.getApiKey()),
                new DeliveryPolicy(configuration.getMaxRetries(),
                        new RetryBackoff(configuration.getRetryInitialDelay(), configuration.getRetryMaxDelay()),
                        configuration.isRetryAmbiguousFailures(), configuration.getRateLimitMaxWait()),
                component.scheduler(), component.completions(), endpoint.getListener(), System::currentTimeMillis);
        if (configuration.getBatchSize() > 1) {
            batcher = new RecipientBatcher(configuration.getBatchSize(), configuration.getBatchTimeout(), component.scheduler(),
                    this::deliverBatch);
        }
        healthCheck = ProducerHealthCheckRegistration.register(endpoint, buckets);
        LOG.info("Started braze-trigger {} producer for {} {} on instance {} ({}){}", configuration.getOperation(),
                configuration.getOperation().idOption(), Objects.toString(configuration.targetId(), "<from header>"),
                configuration.getBaseUri() == null ? configuration.getInstance() : "<baseUri>", baseUri,
                batcher == null ? "" : ", batching up to " + configuration.getBatchSize() + " recipients");
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheck != null) {
            healthCheck.unregister();
            healthCheck = null;
        }
        if (batcher != null) {
            batcher.flushAll();
            batcher = null;
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
        TriggerRequest request;
        try {
            request = mapper.map(exchange);
        } catch (BrazeValidationException e) {
            endpoint.getListener().failed(FailureKind.VALIDATION, e.getField());
            exchange.setException(e);
            callback.done(true);
            return true;
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (batcher != null && RecipientBatcher.isBatchable(request)) {
            batcher.add(request, exchange, callback);
            return false;
        }
        return deliver(exchange, request, callback);
    }

    private boolean deliver(Exchange exchange, TriggerRequest request, AsyncCallback callback) {
        List<PreparedChunk> chunks;
        try {
            chunks = prepare(request);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        ChunkProgress progress = exchange.getProperty(BrazeTriggerConstants.PROPERTY_CHUNK_PROGRESS, ChunkProgress.class);
        if (progress == null) {
            progress = new ChunkProgress();
            exchange.setProperty(BrazeTriggerConstants.PROPERTY_CHUNK_PROGRESS, progress);
        }
        // completes on this thread (returns true) or later (returns false), calling the callback exactly once either way
        AtomicInteger state = new AtomicInteger(STARTING);
        new ChunkedDelivery(delivery, chunks, bucketFor(request), progress, (results, failure) -> {
            complete(exchange, chunks.stream().mapToInt(PreparedChunk::recipientCount).sum(), results, failure);
            if (!state.compareAndSet(STARTING, DONE_WHILE_STARTING)) {
                callback.done(false);
            }
        }).start();
        if (state.compareAndSet(STARTING, RUNNING)) {
            return false;
        }
        callback.done(true);
        return true;
    }

    /** Sends one batch of compatible exchanges as a single request and completes each of them. */
    private void deliverBatch(TriggerRequest merged, List<RecipientBatcher.Member> members) {
        List<PreparedChunk> chunks;
        try {
            chunks = prepare(merged);
        } catch (RuntimeException e) {
            members.forEach(m -> m.fail(e));
            return;
        }
        new ChunkedDelivery(delivery, chunks, bucketFor(merged), new ChunkProgress(), (results, failure) -> {
            for (RecipientBatcher.Member member : members) {
                complete(member.exchange(), member.recipientCount(), results, failure);
                member.callback().done(false);
            }
        }).start();
    }

    private RateLimitBucket bucketFor(TriggerRequest request) {
        return buckets.forSend(Boolean.TRUE.equals(request.broadcast()) || request.audience() != null);
    }

    private static List<PreparedChunk> prepare(TriggerRequest request) {
        List<TriggerRequest> requests = RequestChunker.chunk(request, MAX_RECIPIENTS_PER_REQUEST);
        List<PreparedChunk> chunks = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            TriggerRequest chunk = requests.get(i);
            try {
                chunks.add(new PreparedChunk(i, BrazeJson.mapper().writeValueAsBytes(chunk),
                        chunk.recipients() == null ? 0 : chunk.recipients().size()));
            } catch (JsonProcessingException e) {
                throw new BrazeValidationException("body", "cannot be written as JSON: " + e.getOriginalMessage(), e);
            }
        }
        return chunks;
    }

    private void complete(Exchange exchange, int recipients, List<AcceptedRequest> results, BrazeTriggerException failure) {
        Message message = exchange.getMessage();
        if (failure != null) {
            if (failure instanceof BrazeRateLimitException rateLimit && rateLimit.getResetTime() != null) {
                long delay = Math.max(0, rateLimit.getResetTime().toEpochMilli() - System.currentTimeMillis());
                message.setHeader(Exchange.REDELIVERY_DELAY, delay);
            }
            exchange.setException(failure);
            return;
        }
        List<String> dispatchIds = new ArrayList<>(results.size());
        List<String> errors = new ArrayList<>();
        String notice = null;
        for (AcceptedRequest result : results) {
            dispatchIds.add(result.dispatchId());
            errors.addAll(result.errors());
            if (result.notice() != null) {
                notice = result.notice();
            }
        }
        message.setHeader(BrazeTriggerConstants.DISPATCH_ID, dispatchIds.get(dispatchIds.size() - 1));
        message.setHeader(BrazeTriggerConstants.DISPATCH_IDS, dispatchIds);
        message.setHeader(BrazeTriggerConstants.RECIPIENT_COUNT, recipients);
        message.setHeader(BrazeTriggerConstants.REQUEST_COUNT, results.size());
        if (notice != null) {
            message.setHeader(BrazeTriggerConstants.NOTICE, notice);
            LOG.warn("Braze accepted the {} {} send with a notice: {}", configuration.getOperation(),
                    configuration.targetId(), notice);
        }
        if (!errors.isEmpty()) {
            message.setHeader(BrazeTriggerConstants.ERRORS, errors);
            // the entries may name users: only their number is logged
            LOG.warn("Braze accepted the {} send with {} non-fatal error(s); see header {}", configuration.getOperation(),
                    errors.size(), BrazeTriggerConstants.ERRORS);
        }
        LOG.debug("Braze accepted {} request(s) with {} recipient(s): dispatch ids {}", results.size(), recipients, dispatchIds);
    }
}
