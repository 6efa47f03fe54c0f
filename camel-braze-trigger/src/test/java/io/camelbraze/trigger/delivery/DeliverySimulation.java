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
package io.camelbraze.trigger.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelbraze.trigger.BrazeTriggerException;
import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.batch.BatchDeparture;
import io.camelbraze.trigger.batch.RecipientBatcher;
import io.camelbraze.trigger.mapping.RecipientSource;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;
import io.camelbraze.trigger.ratelimit.RateLimitBucket;
import io.camelbraze.trigger.ratelimit.ManualScheduler;
import io.camelbraze.trigger.ratelimit.RateLimitRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/**
 * One simulated schedule of the delivery core, built from a seed: a handful of exchanges (one recipient, lists over 50,
 * streamed inputs with an invalid record now and then, batch members), each sent to one to three targets in sequence (the
 * same target twice among them), with the route's redeliveries, stops of the producer, and Braze answering as
 * {@link SimulatedBraze} draws it, its faults stopping at a drawn time. Everything runs on one thread in
 * {@link ManualScheduler}. After any schedule the checks of {@link #run()} hold: safety (every exchange completed once,
 * nothing accepted twice unless ambiguous, every recipient accounted for, nothing left behind) and liveness (every
 * exchange completed within its schedule's {@link CompletionBound}, and no rate-limit waits on and on with no request on
 * the wire: {@link RateLimitProgress}).
 */
final class DeliverySimulation {

    static final long START = 1_800_000_000_000L;
    private static final long DEADLINE = START + 3_600_000;
    /** Faults stop within this time of the start. */
    private static final int FAULTS_AT_MOST_MILLIS = 10_000;
    /** A rateLimitMaxWait long enough for a livelock at the rate limit to outlast any schedule's completion bound. */
    private static final long LONG_RATE_LIMIT_WAIT_MILLIS = 600_000;
    private static final CamelContext CAMEL = new DefaultCamelContext();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private enum Kind { SINGLE, LIST, STREAMED, BATCH_MEMBER }

    final long seed;
    private final Random random;
    private final List<String> log;
    private final ManualScheduler time;
    private final SimulatedBraze braze;
    private final PendingRequests pending;
    private final RateLimitRegistry.Buckets buckets;
    private final ActiveDeliveries active = new ActiveDeliveries();
    private final DeliveryPolicy policy;
    private final ResponseInterpreter interpreter = new ResponseInterpreter(MAPPER, "key");
    private final int maxConcurrent;
    private final RoundTrips roundTrips = new RoundTrips();
    private final int batchInFlight;
    private final Map<TriggerRequest, Integer> batchesInFlight = new HashMap<>();
    private final RecipientBatcher batcher;
    private final BatchDeparture departure;
    private final int limit;
    private final long windowMillis;
    private final long faultsEndAt;
    private final RateLimitProgress rateLimitProgress;
    private boolean stopped;
    private final List<SimExchange> exchanges = new ArrayList<>();
    private final Map<String, SimExchange> byPrefix = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private int deliveries;

    DeliverySimulation(long seed, boolean logging) {
        this.seed = seed;
        this.random = new Random(seed);
        this.log = logging ? new ArrayList<>() : new NoLog();
        this.time = new ManualScheduler(START, random);
        double faults = random.nextInt(4) == 0 ? 0 : random.nextDouble() * 0.5;
        double[] weights = new double[SimulatedBraze.Fate.values().length];
        weights[0] = 1 - faults;
        for (int i = 1; i < weights.length; i++) {
            weights[i] = faults * random.nextDouble() / (weights.length - 1) * 2;
        }
        // small budgets too: below 32 a window, a node's first share of it is one request
        this.limit = random.nextBoolean() ? 0 : 1 + random.nextInt(42);
        int windowSeconds = 1 + random.nextInt(3);
        this.windowMillis = windowSeconds * 1000L;
        this.faultsEndAt = faults == 0 ? START : START + random.nextInt(FAULTS_AT_MOST_MILLIS);
        this.braze = new SimulatedBraze(time, random, weights, limit, windowSeconds, faultsEndAt, log);
        this.pending = new PendingRequests(1 + random.nextInt(8));
        this.buckets = new RateLimitRegistry(time, () -> time).bucketsFor("sim://braze", "key");
        this.policy = new DeliveryPolicy(random.nextInt(4), new RetryBackoff(10 + random.nextInt(100), 2000,
                bound -> (long) (random.nextDouble() * bound)), random.nextInt(5) == 0,
                random.nextInt(4) == 0 ? LONG_RATE_LIMIT_WAIT_MILLIS : random.nextInt(6000));
        this.maxConcurrent = 1 + random.nextInt(8);
        this.batchInFlight = 1 + random.nextInt(8);
        this.departure = new BatchDeparture(2 + random.nextInt(49), 10 + random.nextInt(500), roundTrips::millis);
        this.batcher = new RecipientBatcher(departure, batchInFlight, template -> bucket().budgetTight(time.now()), time,
                time::now, this::sendBatch);
        // past the reset it can know of (a window, or a second after a 429 without one), a bucket with nothing on the
        // wire lets a request go: two of them is generous
        long quietLimit = 2 * Math.max(windowMillis, SimulatedBraze.REQUEST_TIMEOUT_MILLIS) + RateLimitBucket.RESET_GUARD_MILLIS;
        this.rateLimitProgress = new RateLimitProgress(time::now, braze::onWire, quietLimit, log);
        log.add("seed " + seed + ": faults " + Math.round(faults * 100) + "% until " + faultsEndAt + ", limit " + limit
                + " per " + windowSeconds + " s, " + policy + ", maxConcurrent " + maxConcurrent + ", batches in flight "
                + batchInFlight + ", maxPending " + pending.waiting());
    }

    /** Runs the schedule to its end and checks it; returns what was violated (empty: none). */
    List<String> run() {
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            SimExchange exchange = new SimExchange(i);
            exchanges.add(exchange);
            byPrefix.put(exchange.prefix, exchange);
            exchange.startAt = START + random.nextInt(2000);
            time.schedule(() -> runStep(exchange), exchange.startAt - START, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        int stops = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0;
        for (int i = 0; i < stops; i++) {
            time.schedule(() -> {
                log.add(time.now() + " producer stops");
                stopped = true; // a stop sends every gathering batch, whatever is in flight
                batcher.flushAll();
                active.abortAll("The braze-trigger producer stopped before Braze answered");
            }, random.nextInt(5000), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        while (time.now() <= DEADLINE && time.runNext()) {
            // the schedule runs
        }
        check();
        return violations;
    }

    List<String> log() {
        return log;
    }

    // ---- the route: each exchange's steps in sequence, redelivered by the route's error handler

    private void runStep(SimExchange exchange) {
        if (exchange.nextStep == exchange.targets.length) {
            complete(exchange, null);
            return;
        }
        if (exchange.kind == Kind.BATCH_MEMBER) {
            sendAsMember(exchange);
        } else {
            deliverStep(exchange);
        }
    }

    private void deliverStep(SimExchange exchange) {
        int step = exchange.nextStep;
        String stepKey = exchange.stepKey(step);
        // as the producer does: its own copy of the exchange's progress, this step's record in it
        ChunkProgress progress = ChunkProgress.copyOf(exchange.progress);
        exchange.progress = progress;
        TargetProgress target = progress.of(stepKey);
        String name = "d" + deliveries++ + "(" + stepKey + ")";
        SimulatedBraze.Wire wire = braze.wire(name, recipient -> stepKey);
        DeliveryRecord record = new DeliveryRecord(name, wire);
        RecipientSource source = exchange.source();
        Delivery delivery = new Delivery(context(wire), new RequestChunks(TriggerRequest.canvas(exchange.targets[step]), source,
                50), bucket(), target, null, maxConcurrent, outcome -> {
                    record.completed(outcome);
                    stepEnded(exchange, stepKey, record, outcome);
                });
        log.add(time.now() + " " + name + " starts");
        delivery.startHere();
    }

    private void stepEnded(SimExchange exchange, String stepKey, DeliveryRecord record, DeliveryOutcome outcome) {
        log.add(time.now() + " " + record.name + " done: " + outcome.acceptedRecipients() + " accepted, "
                + outcome.ambiguousRecipients() + " ambiguous, " + (outcome.failure() == null ? "ok" : outcome.failure()));
        Set<String> told = braze.toldAccepted.getOrDefault(stepKey, Set.of());
        if (outcome.acceptedRecipients() != told.size()) {
            violations.add(record.name + " reported " + outcome.acceptedRecipients() + " recipient(s) accepted; Braze told "
                           + told.size());
        }
        exchange.ambiguousReported += outcome.ambiguousRecipients();
        if (outcome.failure() == null) {
            if (!told.containsAll(exchange.recipients)) {
                violations.add(record.name + " succeeded but Braze accepted only " + told.size() + " of "
                               + exchange.recipients.size() + " recipient(s)");
            }
            exchange.progress.remove(stepKey);
            exchange.nextStep++;
            exchange.ambiguousReported = 0;
            continueRoute(exchange);
            return;
        }
        // a streamed input is counted only as far as it was read (it is not read on after a failure)
        if (exchange.kind != Kind.STREAMED
            && outcome.records() - outcome.acceptedRecipients() - outcome.ambiguousRecipients() < 0) {
            violations.add(record.name + " accounted for more recipients than its input holds: " + outcome);
        }
        redeliverOrFail(exchange, outcome.failure(), () -> deliverStep(exchange));
    }

    private void redeliverOrFail(SimExchange exchange, Throwable failure, Runnable redelivery) {
        boolean safe = failure instanceof BrazeTriggerException braze && braze.isRetrySafe();
        boolean invalid = failure instanceof BrazeValidationException;
        // a route may also redeliver ambiguous failures (accepting duplicates); never an invalid input
        if (exchange.redeliveries > 0 && !invalid && (safe || random.nextInt(3) == 0)) {
            exchange.redeliveries--;
            log.add(time.now() + " " + exchange.prefix + " redelivered after " + failure.getClass().getSimpleName());
            time.schedule(redelivery, random.nextInt(3000), java.util.concurrent.TimeUnit.MILLISECONDS);
        } else {
            complete(exchange, failure);
        }
    }

    private void sendAsMember(SimExchange exchange) {
        String stepKey = exchange.stepKey(exchange.nextStep);
        Exchange camelExchange = new DefaultExchange(CAMEL);
        ExchangeCompletion completion = new ExchangeCompletion(doneSync -> {
            Throwable failure = camelExchange.getException();
            log.add(time.now() + " member " + exchange.prefix + " done: " + (failure == null ? "ok" : failure));
            if (failure == null) {
                if (!braze.toldAccepted.getOrDefault(stepKey, Set.of()).containsAll(exchange.recipients)) {
                    violations.add("batch member " + exchange.prefix + " succeeded but not all its recipients were accepted");
                }
                exchange.nextStep++;
                continueRoute(exchange);
            } else {
                redeliverOrFail(exchange, failure, () -> sendAsMember(exchange));
            }
        });
        List<Recipient> recipients = exchange.recipients.stream().map(Recipient::externalUserId).toList();
        batcher.add(TriggerRequest.canvas(exchange.targets[exchange.nextStep]).withRecipients(recipients), camelExchange,
                completion);
        completion.processReturning();
    }

    /** The batcher's sender, as the producer's: one delivery for the merged request, each member completed from it. */
    private void sendBatch(TriggerRequest merged, List<RecipientBatcher.Member> members, Runnable whenDone) {
        String name = "b" + deliveries++;
        TriggerRequest kind = merged.withRecipients((List<Recipient>) null);
        int ofKind = batchesInFlight.merge(kind, 1, Integer::sum);
        if (!stopped && ofKind > batchInFlight) {
            violations.add(name + " leaves with " + ofKind + " batches of its kind in flight, more than " + batchInFlight);
        }
        // each member's step as it is now: the member may have moved on when a late answer of this batch arrives
        Map<String, String> stepOfMember = new HashMap<>();
        for (Recipient recipient : merged.recipients()) {
            String prefix = recipient.externalUserId().substring(0, recipient.externalUserId().indexOf('-'));
            SimExchange member = byPrefix.get(prefix);
            stepOfMember.putIfAbsent(prefix, member.stepKey(member.nextStep));
        }
        Function<String, String> stepOf = recipient -> stepOfMember.get(recipient.substring(0, recipient.indexOf('-')));
        SimulatedBraze.Wire wire = braze.wire(name, stepOf);
        DeliveryRecord record = new DeliveryRecord(name, wire);
        log.add(time.now() + " " + name + " starts with " + members.size() + " member(s)");
        new Delivery(context(wire), new RequestChunks(merged.withRecipients((List<Recipient>) null),
                RecipientSource.inMemory(merged.recipients()), 50), bucket(), new ChunkProgress().of("batch"), null, 1,
                outcome -> {
                    record.completed(outcome);
                    batchesInFlight.merge(kind, -1, Integer::sum);
                    try {
                        whenDone.run();
                    } finally {
                        for (RecipientBatcher.Member member : members) {
                            if (outcome.failure() != null) {
                                member.exchange().setException(outcome.failure());
                            }
                            member.done();
                        }
                    }
                }).start();
    }

    private void complete(SimExchange exchange, Throwable failure) {
        exchange.completions++;
        exchange.completedAt = time.now();
        log.add(time.now() + " " + exchange.prefix + " completes " + (failure == null ? "ok" : "with " + failure));
        if (exchange.completions > 1) {
            violations.add(exchange.prefix + " completed " + exchange.completions + " times");
        }
        exchange.failure = failure;
    }

    /** The route goes on after a step: on the thread that completed it (as Camel does), or after a hand-off. */
    private void continueRoute(SimExchange exchange) {
        if (exchange.continuesOnCompletingThread) {
            runStep(exchange);
        } else {
            time.execute(() -> runStep(exchange));
        }
    }

    private DeliveryContext context(SimulatedBraze.Wire wire) {
        return new DeliveryContext(wire, "/canvas/trigger/send", interpreter, policy, time, time, pending, active,
                rateLimitProgress, time::now, roundTrips);
    }

    private RateLimitBucket bucket() {
        return buckets.forSend(false);
    }

    // ---- the invariants

    private void check() {
        CompletionBound bound = completionBound();
        for (SimExchange exchange : exchanges) {
            if (exchange.completions == 0) {
                violations.add(exchange.prefix + " never completed (a hang): step " + exchange.nextStep + " of "
                               + exchange.targets.length);
            } else if (exchange.completedAt > bound.millis()) {
                violations.add(exchange.prefix + " completed at " + exchange.completedAt + ", after the schedule's bound ("
                               + bound + "): it made no progress for a long while");
            }
            for (int step = 0; step < exchange.targets.length; step++) {
                String stepKey = exchange.stepKey(step);
                Map<String, Integer> accepted = braze.acceptedAtBraze.getOrDefault(stepKey, Map.of());
                Set<String> told = braze.toldAccepted.getOrDefault(stepKey, Set.of());
                Set<String> ambiguous = braze.ambiguous.getOrDefault(stepKey, Set.of());
                accepted.forEach((recipient, times) -> {
                    if (!told.contains(recipient) && !ambiguous.contains(recipient)) {
                        violations.add(recipient + " accepted by Braze for " + stepKey + " without the client knowing or"
                                       + " being told it was ambiguous");
                    }
                    if (times > 1 && !ambiguous.contains(recipient)) {
                        violations.add(recipient + " accepted " + times + " times for " + stepKey
                                       + " though no request of it was ambiguous");
                    }
                });
                if (exchange.failure != null && step == exchange.nextStep && exchange.kind != Kind.BATCH_MEMBER) {
                    boolean silentlyAccepted = accepted.keySet().stream().anyMatch(r -> !told.contains(r));
                    if (silentlyAccepted && exchange.ambiguousReported == 0) {
                        violations.add(exchange.prefix + " failed without reporting the ambiguous recipients Braze may have");
                    }
                }
            }
        }
        for (DeliveryRecord record : records) {
            if (record.completions != 1) {
                violations.add(record.name + " completed " + record.completions + " times");
            }
        }
        if (pending.inUse() != 0 || pending.waiting() != 0) {
            violations.add("pending-request places left behind: " + pending.inUse() + " in use, " + pending.waiting() + " waiting");
        }
        for (RateLimitBucket bucket : buckets.all()) {
            RateLimitBucket.Snapshot snapshot = bucket.snapshot();
            if (snapshot.parked() != 0 || snapshot.inFlight() != 0) {
                violations.add("rate-limit bucket left with " + snapshot.parked() + " parked and " + snapshot.inFlight()
                               + " in flight");
            }
        }
        if (batcher.gathering() != 0 || batcher.inFlight() != 0) {
            violations.add(batcher.gathering() + " batch member(s) left gathering, " + batcher.inFlight() + " batch(es) in flight");
        }
        if (active.size() != 0) {
            violations.add(active.size() + " delivery(ies) left active");
        }
        if (time.pending() != 0) {
            violations.add(time.pending() + " task(s) still scheduled an hour after the start");
        }
        if (rateLimitProgress.violation() != null) {
            violations.add(rateLimitProgress.violation());
        }
    }

    private CompletionBound completionBound() {
        long answersDrawnBefore = faultsEndAt == START ? 0 : SimulatedBraze.LATE_ANSWER_MAX_MILLIS;
        int maxRetries = policy.maxRetries();
        RetryBackoff backoff = policy.backoff();
        long backoffMax = Math.min(backoff.maxDelayMillis(), backoff.initialDelayMillis() << Math.max(0, maxRetries - 1));
        CompletionBound bound = new CompletionBound(limit, windowMillis, faultsEndAt + answersDrawnBefore, 1 + maxRetries,
                backoffMax, departure.timeoutMillis());
        for (SimExchange exchange : exchanges) {
            int requestsPerStep = exchange.kind == Kind.BATCH_MEMBER ? 1 : (exchange.recipients.size() + 49) / 50;
            bound.exchange(exchange.startAt, exchange.targets.length, requestsPerStep, exchange.maxRedeliveries,
                    exchange.kind == Kind.BATCH_MEMBER);
        }
        return bound;
    }

    private final List<DeliveryRecord> records = new ArrayList<>();

    private final class DeliveryRecord {
        final String name;
        final SimulatedBraze.Wire wire;
        int completions;

        DeliveryRecord(String name, SimulatedBraze.Wire wire) {
            this.name = name;
            this.wire = wire;
            records.add(this);
        }

        void completed(DeliveryOutcome outcome) {
            completions++;
            if (wire.onWire != 0) {
                violations.add(name + " completed with " + wire.onWire + " request(s) still on the wire");
            }
        }
    }

    private final class SimExchange {
        final String prefix;
        final Kind kind;
        final List<String> recipients = new ArrayList<>();
        final String[] targets;
        final int invalidAt;
        int redeliveries = random.nextInt(4);
        final int maxRedeliveries = redeliveries;
        final boolean continuesOnCompletingThread = random.nextBoolean();
        int nextStep;
        int completions;
        long startAt;
        long completedAt;
        int ambiguousReported;
        Throwable failure;
        ChunkProgress progress;

        SimExchange(int index) {
            prefix = "x" + index;
            kind = Kind.values()[random.nextInt(Kind.values().length)];
            int size = switch (kind) {
                case SINGLE -> 1;
                case LIST -> 2 + random.nextInt(130);
                case STREAMED -> 1 + random.nextInt(300);
                case BATCH_MEMBER -> 1 + random.nextInt(3);
            };
            for (int i = 0; i < size; i++) {
                recipients.add(prefix + "-r" + i);
            }
            if (kind == Kind.BATCH_MEMBER) {
                // a sequential split feeding a batching endpoint: one member at a time, the next when it completed
                targets = new String[1 + random.nextInt(3)];
                java.util.Arrays.fill(targets, "canvas-" + random.nextInt(2));
            } else {
                targets = new String[1 + random.nextInt(3)];
                for (int i = 0; i < targets.length; i++) {
                    // two canvases, so that the same target twice in one route comes up often
                    targets[i] = "canvas-" + random.nextInt(2);
                }
            }
            invalidAt = kind == Kind.STREAMED && random.nextInt(4) == 0 ? random.nextInt(size) : -1;
        }

        String stepKey(int step) {
            return prefix + "/s" + step + ":" + targets[step];
        }

        RecipientSource source() {
            Iterator<String> records = recipients.iterator();
            return new RecipientSource(records, (record, position) -> {
                if (position == invalidAt) {
                    throw new BrazeValidationException("external_user_id", "record " + (position + 1) + ": is empty");
                }
                return Recipient.externalUserId((String) record);
            }, null, kind == Kind.STREAMED);
        }
    }

    /** The event log when the schedule is not replayed for printing: nothing is kept. */
    private static final class NoLog extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean add(String entry) {
            return false;
        }
    }
}
