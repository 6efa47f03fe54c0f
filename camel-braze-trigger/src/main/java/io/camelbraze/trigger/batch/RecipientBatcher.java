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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import io.camelbraze.trigger.delivery.ExchangeCompletion;
import io.camelbraze.trigger.mapping.BrazeJson;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;
import org.apache.camel.Exchange;

/**
 * Producer-level batching: exchanges that each carry a few recipients and share everything else (target id, send id,
 * top-level context, audience, attachments) are merged into one request of up to {@code batchSize} recipients. Several
 * requests of one kind may be in flight at once (at most {@code maxConcurrentRequests}) while the records arriving
 * meanwhile gather into the next; {@link BatchDeparture} says when a gathering batch leaves. The batcher counts, per
 * kind, the senders of answered requests that have not sent again: synchronous senders come back right after their
 * answer, and a batch of them leaves once they are all back. A record that arrives while nothing of its kind is in
 * flight, gathering or expected goes out at once (a sequential split is never slowed down).
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

    private final BatchDeparture departure;
    private final int maxInFlight;
    private final Predicate<TriggerRequest> budgetTight;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final Sender sender;
    private final Map<String, Kind> kinds = new HashMap<>();
    private final IdleKindSweep idleKindSweep = new IdleKindSweep();

    /**
     * @param departure   when a gathering batch leaves
     * @param maxInFlight requests of one kind in flight at once
     * @param budgetTight whether the budget of the workspace a request of this kind (the template) goes to is tight
     * @param scheduler   runs the batches' timers
     * @param clock       milliseconds
     * @param sender      sends a merged request
     */
    public RecipientBatcher(BatchDeparture departure, int maxInFlight, Predicate<TriggerRequest> budgetTight,
                            ScheduledExecutorService scheduler, LongSupplier clock, Sender sender) {
        this.departure = departure;
        this.maxInFlight = Math.max(1, maxInFlight);
        this.budgetTight = budgetTight;
        this.scheduler = scheduler;
        this.clock = clock;
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
        List<Batch> ready;
        synchronized (this) {
            long now = clock.getAsLong();
            if (idleKindSweep.due(kinds.size())) {
                forgetIdleKinds(now);
            }
            Kind kind = kinds.computeIfAbsent(key, k -> new Kind(request.withRecipients((List<Recipient>) null)));
            boolean returner = kind.returning > 0;
            if (returner) {
                kind.returning--;
            }
            if (!returner && kind.inFlight == 0 && kind.gathering.isEmpty()) {
                Batch alone = new Batch(key, kind.template, now);
                alone.add(request.recipients(), member);
                kind.inFlight++;
                ready = List.of(alone);
            } else {
                Batch batch = kind.gathering.stream().filter(b -> b.accepts(request.recipients(), departure.batchSize()))
                        .findFirst().orElse(null);
                if (batch == null) {
                    batch = new Batch(key, kind.template, now);
                    kind.gathering.add(batch);
                    arm(batch, departure.lingerMillis());
                }
                batch.add(request.recipients(), member);
                batch.holdsReturners |= returner;
                ready = departures(kind, now);
            }
        }
        ready.forEach(this::send);
    }

    /** Sends every gathering batch now, whatever is in flight (the route or the producer is stopping). */
    public void flushAll() {
        List<Batch> ready = new ArrayList<>();
        synchronized (this) {
            for (Kind kind : kinds.values()) {
                while (!kind.gathering.isEmpty()) {
                    ready.add(launch(kind, kind.gathering.poll()));
                }
            }
        }
        ready.forEach(this::send);
    }

    /** Records waiting in gathering batches. */
    public synchronized int gathering() {
        return kinds.values().stream().flatMap(k -> k.gathering.stream()).mapToInt(b -> b.members.size()).sum();
    }

    /** Kinds of request the batcher keeps (in flight, gathering, or idle and not forgotten yet). */
    synchronized int kindsKept() {
        return kinds.size();
    }

    /** Kinds looked at so far when looking for idle ones to forget. */
    synchronized long kindsLookedAt() {
        return idleKindSweep.kindsLookedAt();
    }

    /** Requests of all kinds in flight. */
    public synchronized int inFlight() {
        return kinds.values().stream().mapToInt(k -> k.inFlight).sum();
    }

    /**
     * The gathering batches of a kind that leave now, taken out of line, oldest first, while a request slot is free.
     * Call with the lock held; send them after releasing it.
     */
    private List<Batch> departures(Kind kind, long now) {
        List<Batch> ready = new ArrayList<>();
        Boolean tight = null;
        for (Iterator<Batch> line = kind.gathering.iterator(); line.hasNext() && kind.inFlight < maxInFlight; ) {
            Batch batch = line.next();
            long age = now - batch.firstAt;
            BatchDeparture.Verdict verdict = departure.decide(batch.recipients.size(), age, kind.inFlight, kind.returning,
                    batch.holdsReturners);
            if (verdict == BatchDeparture.Verdict.LEAVE_UNLESS_BUDGET_TIGHT && tight == null) {
                tight = budgetTight.test(kind.template);
            }
            if (verdict == BatchDeparture.Verdict.LEAVE
                || verdict == BatchDeparture.Verdict.LEAVE_UNLESS_BUDGET_TIGHT && !tight) {
                line.remove();
                ready.add(launch(kind, batch));
                if (batch.holdsReturners && kind.returning > 0 && age >= departure.returnersWaitMillis()) {
                    // it gave up waiting for them: senders not back by now are not about to be, no batch waits for them
                    // (a batch that leaves full has not waited: the senders it did not take are still coming back)
                    kind.returning = 0;
                }
            }
        }
        return ready;
    }

    /** A batch's timer: it may be due now; if it still gathers, the timer is armed for the next time it may be. */
    private void onTimer(Batch batch) {
        List<Batch> ready = List.of();
        synchronized (this) {
            Kind kind = kinds.get(batch.key);
            if (kind != null && kind.gathering.contains(batch)) {
                long now = clock.getAsLong();
                ready = departures(kind, now);
                long next = departure.untilNextChange(now - batch.firstAt, batch.holdsReturners);
                if (kind.gathering.contains(batch) && next > 0) {
                    arm(batch, next);
                }
            }
        }
        ready.forEach(this::send);
    }

    private void arm(Batch batch, long delayMillis) {
        batch.timer = scheduler.schedule(() -> onTimer(batch), delayMillis, TimeUnit.MILLISECONDS);
    }

    /** A batch taken out of line becomes a request in flight. */
    private Batch launch(Kind kind, Batch batch) {
        if (batch.timer != null) {
            batch.timer.cancel(false);
        }
        kind.inFlight++;
        return batch;
    }

    /**
     * A request of this kind ended: its slot goes to the gathered batches that are due, and its members' senders may be
     * about to send again.
     */
    private void requestEnded(String key, int members) {
        List<Batch> ready;
        synchronized (this) {
            Kind kind = kinds.get(key);
            if (kind == null) {
                return;
            }
            long now = clock.getAsLong();
            kind.inFlight--;
            kind.returning += members;
            kind.lastEndedAt = now;
            ready = departures(kind, now);
            if (kind.isIdle() && kind.returning == 0) {
                kinds.remove(key);
            }
        }
        ready.forEach(this::send);
    }

    /**
     * Forgets the kinds with nothing in flight or gathering whose last request ended more than {@code batchTimeout} ago:
     * their senders are not coming back (endpoints with a context per message would otherwise keep one each). Called
     * when {@link IdleKindSweep} says so, not on every record: it looks at every kind kept.
     */
    private void forgetIdleKinds(long now) {
        int lookedAt = kinds.size();
        kinds.values().removeIf(kind -> kind.isIdle() && now - kind.lastEndedAt > departure.timeoutMillis());
        idleKindSweep.looked(lookedAt, kinds.size());
    }

    private void send(Batch batch) {
        try {
            sender.send(batch.template.withRecipients(List.copyOf(batch.recipients)), List.copyOf(batch.members),
                    () -> requestEnded(batch.key, batch.members.size()));
        } catch (Throwable t) {
            try {
                batch.members.forEach(m -> m.fail(t));
            } finally {
                requestEnded(batch.key, 0);
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

    /** Requests of one kind (same shared fields): how many are in flight and the batches gathering, oldest first. */
    private static final class Kind {
        final TriggerRequest template;
        final ArrayDeque<Batch> gathering = new ArrayDeque<>();
        int inFlight;
        int returning; // members of answered requests whose senders have not sent again yet
        long lastEndedAt;

        Kind(TriggerRequest template) {
            this.template = template;
        }

        boolean isIdle() {
            return inFlight == 0 && gathering.isEmpty();
        }
    }

    private static final class Batch {
        final String key;
        final TriggerRequest template;
        final List<Recipient> recipients = new ArrayList<>();
        final Set<String> identities = new HashSet<>();
        final List<Member> members = new ArrayList<>();
        final long firstAt;
        boolean holdsReturners;
        ScheduledFuture<?> timer;

        Batch(String key, TriggerRequest template, long firstAt) {
            this.key = key;
            this.template = template;
            this.firstAt = firstAt;
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
