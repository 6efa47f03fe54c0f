package io.camelbraze.trigger.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelbraze.trigger.mapping.BrazeJson;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * Producer-level batching: exchanges that each carry a few recipients and share everything else (target id, send id,
 * top-level context, audience, attachments) are merged into one request of up to {@code batchSize} recipients. Each
 * exchange was validated on its own before it joined, so a bad record fails alone; a request Braze rejects fails every
 * exchange in it, each with the cause. A partial batch is sent after {@code batchTimeout}.
 * <p>
 * Exchanges wait here without holding a thread, so batches fill only when several exchanges are in flight at once: feed
 * the producer concurrently (JMS concurrentConsumers, seda concurrentConsumers, split with parallelProcessing).
 */
public final class RecipientBatcher {

    private final int batchSize;
    private final long batchTimeoutMillis;
    private final ScheduledExecutorService scheduler;
    private final BiConsumer<TriggerRequest, List<Member>> sender;
    private final Map<String, Batch> open = new LinkedHashMap<>();

    public RecipientBatcher(int batchSize, long batchTimeoutMillis, ScheduledExecutorService scheduler,
                            BiConsumer<TriggerRequest, List<Member>> sender) {
        this.batchSize = batchSize;
        this.batchTimeoutMillis = batchTimeoutMillis;
        this.scheduler = scheduler;
        this.sender = sender;
    }

    /** Only sends with recipients, fewer than a full batch, can share a request. */
    public static boolean isBatchable(TriggerRequest request) {
        return !Boolean.TRUE.equals(request.broadcast()) && request.recipients() != null && !request.recipients().isEmpty()
                && request.recipients().size() < 50;
    }

    public void add(TriggerRequest request, Exchange exchange, AsyncCallback callback) {
        String key = compatibilityKey(request);
        List<Batch> ready = new ArrayList<>(2);
        synchronized (this) {
            Batch batch = open.get(key);
            if (batch != null && batch.recipients.size() + request.recipients().size() > batchSize) {
                ready.add(close(key));
                batch = null;
            }
            if (batch == null) {
                batch = new Batch(request.withRecipients((List<Recipient>) null));
                open.put(key, batch);
                Batch scheduled = batch;
                batch.timeout = scheduler.schedule(() -> flushIfOpen(key, scheduled), batchTimeoutMillis, TimeUnit.MILLISECONDS);
            }
            batch.recipients.addAll(request.recipients());
            batch.members.add(new Member(exchange, callback, request.recipients().size()));
            if (batch.recipients.size() >= batchSize) {
                ready.add(close(key));
            }
        }
        // sent from the scheduler, never on the caller's thread: each member's process() has returned false before its
        // callback can be completed
        ready.forEach(this::sendLater);
    }

    /** Sends every partial batch now (the producer is stopping). */
    public void flushAll() {
        List<Batch> ready;
        synchronized (this) {
            ready = new ArrayList<>(open.values());
            open.values().forEach(b -> b.timeout.cancel(false));
            open.clear();
        }
        ready.forEach(this::send);
    }

    private void flushIfOpen(String key, Batch batch) {
        synchronized (this) {
            if (open.get(key) != batch) {
                return;
            }
            open.remove(key);
        }
        send(batch);
    }

    private Batch close(String key) {
        Batch batch = open.remove(key);
        batch.timeout.cancel(false);
        return batch;
    }

    private void sendLater(Batch batch) {
        try {
            scheduler.execute(() -> send(batch));
        } catch (RuntimeException rejected) {
            batch.members.forEach(m -> m.fail(rejected));
        }
    }

    private void send(Batch batch) {
        try {
            sender.accept(batch.template.withRecipients(List.copyOf(batch.recipients)), List.copyOf(batch.members));
        } catch (RuntimeException e) {
            batch.members.forEach(m -> m.fail(e));
        }
    }

    private static String compatibilityKey(TriggerRequest request) {
        try {
            return BrazeJson.mapper().writeValueAsString(request.withRecipients((List<Recipient>) null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A validated request could not be written as JSON", e);
        }
    }

    private static final class Batch {
        final TriggerRequest template;
        final List<Recipient> recipients = new ArrayList<>();
        final List<Member> members = new ArrayList<>();
        ScheduledFuture<?> timeout;

        Batch(TriggerRequest template) {
            this.template = template;
        }
    }

    /** One exchange waiting in a batch. */
    public record Member(Exchange exchange, AsyncCallback callback, int recipientCount) {

        public void fail(Exception cause) {
            exchange.setException(cause);
            callback.done(false);
        }
    }
}
