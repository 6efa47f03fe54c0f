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
package io.camelbraze.trigger.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.camelbraze.trigger.delivery.ExchangeCompletion;
import io.camelbraze.trigger.mapping.BrazeJson;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;
import org.apache.camel.Exchange;

/**
 * Producer-level batching, grouped like a database's group commit: exchanges that each carry a few recipients and share
 * everything else (target id, send id, top-level context, audience, attachments) are merged into one request of up to
 * {@code batchSize} recipients. A record that arrives while no request of its kind is in flight goes out at once (a
 * sequential split is never slowed down); records that arrive while requests are in flight gather into the next request,
 * which leaves when one of those ends, when it is full, or after {@code batchTimeout} at the latest.
 * <p>
 * Braze sends once per user per request: a recipient whose identifier (external id, alias name and label, email) is already
 * in a gathering request goes into another one. Each exchange was validated on its own before it joined, so a bad record
 * fails alone; a request Braze rejects fails every exchange in it, each with the cause.
 */
public final class RecipientBatcher {

    /** Sends one merged request; calls {@code whenDone} once the request has ended, whatever its outcome. */
    @FunctionalInterface
    public interface Sender {
        void send(TriggerRequest merged, List<Member> members, Runnable whenDone);
    }

    private final int batchSize;
    private final long batchTimeoutMillis;
    private final ScheduledExecutorService scheduler;
    private final Sender sender;
    private final Map<String, Kind> kinds = new HashMap<>();

    public RecipientBatcher(int batchSize, long batchTimeoutMillis, ScheduledExecutorService scheduler, Sender sender) {
        this.batchSize = batchSize;
        this.batchTimeoutMillis = batchTimeoutMillis;
        this.scheduler = scheduler;
        this.sender = sender;
    }

    /** Only sends with recipients, fewer than a full batch, can share a request. */
    public static boolean isBatchable(TriggerRequest request) {
        return !Boolean.TRUE.equals(request.broadcast()) && request.recipients() != null && !request.recipients().isEmpty()
               && request.recipients().size() < TriggerRequest.MAX_RECIPIENTS_PER_REQUEST;
    }

    /**
     * Adds an exchange's recipients to a batch of their kind; {@code completion} is told once the batch's request has
     * ended, never on this call's stack before the batch was handed to the sender.
     */
    public void add(TriggerRequest request, Exchange exchange, ExchangeCompletion completion) {
        String key = compatibilityKey(request);
        Member member = new Member(exchange, completion, request.recipients().size());
        Batch ready = null;
        synchronized (this) {
            Kind kind = kinds.computeIfAbsent(key, k -> new Kind(request.withRecipients((List<Recipient>) null)));
            if (kind.inFlight == 0 && kind.gathering.isEmpty()) {
                ready = new Batch(key, kind.template);
                ready.add(request.recipients(), member);
                kind.inFlight++;
            } else {
                Batch batch = kind.gathering.stream().filter(b -> b.accepts(request.recipients(), batchSize)).findFirst()
                        .orElse(null);
                if (batch == null) {
                    batch = new Batch(key, kind.template);
                    kind.gathering.add(batch);
                    Batch scheduled = batch;
                    batch.timeout = scheduler.schedule(() -> sendIfGathering(scheduled), batchTimeoutMillis,
                            TimeUnit.MILLISECONDS);
                }
                batch.add(request.recipients(), member);
                if (batch.recipients.size() >= batchSize) {
                    ready = take(kind, batch);
                }
            }
        }
        if (ready != null) {
            send(ready);
        }
    }

    /** Sends every gathering batch now (the route or the producer is stopping). */
    public void flushAll() {
        List<Batch> ready = new ArrayList<>();
        synchronized (this) {
            for (Kind kind : kinds.values()) {
                while (!kind.gathering.isEmpty()) {
                    ready.add(take(kind, kind.gathering.peek()));
                }
            }
        }
        ready.forEach(this::send);
    }

    /** Records waiting in gathering batches. */
    public synchronized int gathering() {
        return kinds.values().stream().flatMap(k -> k.gathering.stream()).mapToInt(b -> b.members.size()).sum();
    }

    private void sendIfGathering(Batch batch) {
        Batch ready = null;
        synchronized (this) {
            Kind kind = kinds.get(batch.key);
            if (kind != null && kind.gathering.contains(batch)) {
                ready = take(kind, batch);
            }
        }
        if (ready != null) {
            send(ready);
        }
    }

    private Batch take(Kind kind, Batch batch) {
        kind.gathering.remove(batch);
        if (batch.timeout != null) {
            batch.timeout.cancel(false);
        }
        kind.inFlight++;
        return batch;
    }

    /** A request of this kind ended: the next gathered batch, if any, goes now. */
    private void requestEnded(String key) {
        Batch next = null;
        synchronized (this) {
            Kind kind = kinds.get(key);
            if (kind == null) {
                return;
            }
            kind.inFlight--;
            if (!kind.gathering.isEmpty()) {
                next = take(kind, kind.gathering.peek());
            } else if (kind.inFlight == 0) {
                kinds.remove(key);
            }
        }
        if (next != null) {
            send(next);
        }
    }

    private void send(Batch batch) {
        try {
            sender.send(batch.template.withRecipients(List.copyOf(batch.recipients)), List.copyOf(batch.members),
                    () -> requestEnded(batch.key));
        } catch (Throwable t) {
            try {
                batch.members.forEach(m -> m.fail(t));
            } finally {
                requestEnded(batch.key);
            }
        }
    }

    private static String compatibilityKey(TriggerRequest request) {
        return BrazeJson.write(request.withRecipients((List<Recipient>) null));
    }

    /** The identifier Braze de-duplicates a recipient by. */
    static String identity(Recipient recipient) {
        if (recipient.externalUserId() != null) {
            return "external_user_id:" + recipient.externalUserId();
        }
        if (recipient.userAlias() != null) {
            return "user_alias:" + recipient.userAlias().aliasName() + '\u0000' + recipient.userAlias().aliasLabel();
        }
        return "email:" + String.valueOf(recipient.email()).toLowerCase(java.util.Locale.ROOT);
    }

    /** Requests of one kind (same shared fields): how many are in flight and the batches gathering behind them. */
    private static final class Kind {
        final TriggerRequest template;
        final ArrayDeque<Batch> gathering = new ArrayDeque<>();
        int inFlight;

        Kind(TriggerRequest template) {
            this.template = template;
        }
    }

    private static final class Batch {
        final String key;
        final TriggerRequest template;
        final List<Recipient> recipients = new ArrayList<>();
        final Set<String> identities = new HashSet<>();
        final List<Member> members = new ArrayList<>();
        ScheduledFuture<?> timeout;

        Batch(String key, TriggerRequest template) {
            this.key = key;
            this.template = template;
        }

        boolean accepts(List<Recipient> more, int batchSize) {
            return recipients.size() + more.size() <= batchSize
                   && more.stream().map(RecipientBatcher::identity).noneMatch(identities::contains);
        }

        void add(List<Recipient> more, Member member) {
            recipients.addAll(more);
            more.forEach(r -> identities.add(identity(r)));
            members.add(member);
        }
    }

    /** One exchange waiting in a batch. */
    public record Member(Exchange exchange, ExchangeCompletion completion, int recipientCount) {

        /** Completes this member with the failure; a throwing callback never keeps the others from completing. */
        public void fail(Throwable cause) {
            exchange.setException(cause);
            done();
        }

        /** Hands the exchange back to its route, exactly once; a callback that throws is logged, never thrown here. */
        public void done() {
            completion.done();
        }
    }
}
