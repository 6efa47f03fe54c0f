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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelbraze.trigger.BrazeApiException;
import io.camelbraze.trigger.BrazeRateLimitException;
import io.camelbraze.trigger.BrazeTransportException;
import io.camelbraze.trigger.BrazeTriggerException;
import io.camelbraze.trigger.http.BrazeHttpClient;
import io.camelbraze.trigger.http.BrazeResponse;
import io.camelbraze.trigger.ratelimit.RateLimitBucket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery state machine against a scripted transport: ordering, retries, waits, chunk progress, exactly-once completion.
 */
class DeliveryTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ScriptedClient client = new ScriptedClient();
    private final DeliveryStatistics statistics = new DeliveryStatistics();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private DeliveryContext context(int maxRetries, boolean retryAmbiguous, long maxWait) {
        return new DeliveryContext(client, "/canvas/trigger/send",
                new ResponseInterpreter(new ObjectMapper(), "k"),
                new DeliveryPolicy(maxRetries, new RetryBackoff(1, 5), retryAmbiguous, maxWait), scheduler, Runnable::run,
                new PendingRequests(100), new ActiveDeliveries(), statistics, System::currentTimeMillis, new RoundTrips());
    }

    private static List<PreparedChunk> chunks(int count) {
        List<PreparedChunk> chunks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chunks.add(new PreparedChunk(i, ("{\"chunk\":" + i + "}").getBytes(StandardCharsets.UTF_8), 50));
        }
        return chunks;
    }

    /**
     * A delivery stopped while the component-wide place it waited for is on its way to it gives that place back once:
     * the bound stays what it was.
     */
    @Test
    void aDeliveryAbortedWhileItsPlaceIsOnItsWayGivesThePlaceBackOnce() {
        List<Runnable> loop = new ArrayList<>(); // the delivery's event loop runs only when the test says so
        PendingRequests pending = new PendingRequests(1);
        assertThat(pending.tryAcquire(() -> { })).as("another exchange's request holds the only place").isTrue();
        DeliveryContext context = new DeliveryContext(client, "/canvas/trigger/send",
                new ResponseInterpreter(new ObjectMapper(), "k"),
                new DeliveryPolicy(0, new RetryBackoff(1, 5), false, 1000), scheduler, loop::add, pending,
                new ActiveDeliveries(), statistics, System::currentTimeMillis, new RoundTrips());
        java.util.concurrent.atomic.AtomicReference<DeliveryOutcome> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        Delivery delivery = new Delivery(context, source(chunks(1)), bucket(), new ChunkProgress().of("t"), null, 1,
                outcome::set);
        delivery.start();
        runLoop(loop); // reads its request and waits for the place

        delivery.abort("stopping"); // the stop is queued first...
        pending.release(); // ...then the other request ends and hands its place to the waiting delivery
        runLoop(loop);

        assertThat(outcome.get()).isNotNull();
        assertThat(outcome.get().failure()).isInstanceOf(io.camelbraze.trigger.BrazeTransportException.class);
        assertThat(client.bodies).isEmpty();
        assertThat(pending.inUse()).as("places in use once everything ended").isZero();
        assertThat(pending.waiting()).isZero();
    }

    /** A request waiting for a place when its delivery failed is not sent when the place comes; the place goes back. */
    @Test
    void aPlaceGrantedAfterTheDeliveryFailedSendsNothing() {
        List<Runnable> loop = new ArrayList<>();
        PendingRequests pending = new PendingRequests(1);
        DeliveryContext context = new DeliveryContext(client, "/canvas/trigger/send",
                new ResponseInterpreter(new ObjectMapper(), "k"),
                new DeliveryPolicy(0, new RetryBackoff(1, 5), false, 1000), scheduler, loop::add, pending,
                new ActiveDeliveries(), statistics, System::currentTimeMillis, new RoundTrips());
        java.util.concurrent.atomic.AtomicReference<DeliveryOutcome> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        client.hold = true;
        client.heldAnswers.add(() -> new BrazeResponse(400, Map.of(), "{\"message\":\"bad\"}"));
        new Delivery(context, source(chunks(3)), bucket(), new ChunkProgress().of("t"), null, 2, outcome::set).start();
        runLoop(loop); // first request on the wire with the only place; the second waits for it
        assertThat(client.bodies).hasSize(1);
        client.complete();
        runLoop(loop); // the 400 ends the delivery's reading; the place goes to the waiting request, which is dropped

        assertThat(outcome.get()).isNotNull();
        assertThat(outcome.get().failure()).isInstanceOf(io.camelbraze.trigger.BrazeApiException.class);
        assertThat(client.bodies).as("nothing sent after the failure").hasSize(1);
        assertThat(pending.inUse()).isZero();
    }

    /**
     * The component is stopping: a retry's timer is refused, so the delivery gives up. Its requests parked on the rate-limit
     * bucket, woken afterwards, are not sent, and give their turn back: nothing is left in the bucket, where a woken
     * caller that never comes back would keep the budget looking tight for every batch of the workspace.
     */
    @Test
    void requestsWokenAfterTheStopRefusedARetryAreNotSentAndLeaveNothingInTheBucket() throws Exception {
        ConcurrentLinkedQueue<Runnable> loop = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService stopping = Executors.newSingleThreadScheduledExecutor();
        stopping.shutdown(); // refuses every timer
        RateLimitBucket bucket = new RateLimitBucket("t", Runnable::run, () -> scheduler);
        DeliveryContext context = new DeliveryContext(client, "/canvas/trigger/send",
                new ResponseInterpreter(new ObjectMapper(), "k"),
                new DeliveryPolicy(3, new RetryBackoff(1, 5), false, 10_000), stopping, loop::add, new PendingRequests(100),
                new ActiveDeliveries(), statistics, System::currentTimeMillis, new RoundTrips());
        java.util.concurrent.atomic.AtomicReference<DeliveryOutcome> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        client.hold = true;
        new Delivery(context, source(chunks(3)), bucket, new ChunkProgress().of("t"), null, 3, outcome::set).start();
        drain(loop);
        assertThat(client.bodies).as("nothing known of the budget: one request goes first, the others park").hasSize(1);

        // it never reached Braze: its unit goes back and wakes a parked request, and its retry's timer is refused
        client.held.get(0).completeExceptionally(new BrazeTransportException("refused", null, false));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (outcome.get() == null && System.nanoTime() < deadline) {
            drain(loop);
            Thread.sleep(5);
        }

        assertThat(outcome.get()).as("the delivery completed").isNotNull();
        assertThat(outcome.get().failure()).isNotNull();
        assertThat(client.bodies).as("nothing sent after the stop").hasSize(1);
        assertThat(bucket.snapshot().parked()).as("callers parked or woken and not back").isZero();
    }

    private static void drain(ConcurrentLinkedQueue<Runnable> loop) {
        Runnable event;
        while ((event = loop.poll()) != null) {
            event.run();
        }
    }

    private static void runLoop(List<Runnable> loop) {
        while (!loop.isEmpty()) {
            loop.remove(0).run();
        }
    }

    private static ChunkSource source(List<PreparedChunk> chunks) {
        java.util.Iterator<PreparedChunk> remaining = chunks.iterator();
        return new ChunkSource() {
            @Override
            public PreparedChunk next() {
                return remaining.hasNext() ? remaining.next() : null;
            }

            @Override
            public int countRecords() {
                return chunks.size() * 50;
            }

            @Override
            public void close() {
            }
        };
    }

    private RateLimitBucket bucket() {
        return new RateLimitBucket("t", scheduler, () -> scheduler);
    }

    private Outcome run(DeliveryContext context, List<PreparedChunk> chunks, RateLimitBucket bucket, ChunkProgress progress)
            throws InterruptedException {
        Outcome outcome = new Outcome();
        new Delivery(context, source(chunks), bucket, progress.of("t"), null, 1, result -> {
            outcome.calls.incrementAndGet();
            outcome.results = result.failure() == null ? result.accepted().dispatchIds() : null;
            outcome.failure = result.failure();
            outcome.latch.countDown();
        }).start();
        assertThat(outcome.latch.await(10, TimeUnit.SECONDS)).as("delivery completed").isTrue();
        Thread.sleep(20); // a second completion would show up here
        assertThat(outcome.calls).as("onDone calls").hasValue(1);
        return outcome;
    }

    private static BrazeResponse created(String dispatchId) {
        return new BrazeResponse(201, Map.of(), "{\"dispatch_id\":\"" + dispatchId + "\",\"message\":\"success\"}");
    }

    @Test
    void sendsChunksInOrderAndCollectsEveryDispatchId() throws Exception {
        client.answer(() -> created("d0"), () -> created("d1"), () -> created("d2"));

        Outcome outcome = run(context(0, false, 1000), chunks(3), bucket(), new ChunkProgress());

        assertThat(outcome.failure).isNull();
        assertThat(outcome.results).containsExactly("d0", "d1", "d2");
        assertThat(client.bodies).containsExactly("{\"chunk\":0}", "{\"chunk\":1}", "{\"chunk\":2}");
    }

    @Test
    void aRedeliverySendsOnlyTheChunksNotYetAccepted() throws Exception {
        ChunkProgress progress = new ChunkProgress();
        client.answer(() -> created("d0"), () -> new BrazeResponse(400, Map.of(), "{\"message\":\"bad\"}"));
        Outcome first = run(context(0, false, 1000), chunks(3), bucket(), progress);
        assertThat(first.failure).isInstanceOf(BrazeApiException.class);
        assertThat(progress.acceptedCount()).isEqualTo(1);

        client.bodies.clear();
        client.answer(() -> created("d1"), () -> created("d2"));
        // as the producer does: each delivery works on its own copy of what the earlier ones recorded
        Outcome second = run(context(0, false, 1000), chunks(3), bucket(),
                ChunkProgress.copyOf(progress));

        assertThat(second.failure).isNull();
        assertThat(client.bodies).containsExactly("{\"chunk\":1}", "{\"chunk\":2}");
        assertThat(second.results).containsExactly("d0", "d1", "d2");
    }

    @Test
    void serverErrorsAreRetriedUpToMaxRetriesThenFailRetrySafe() throws Exception {
        client.answer(() -> new BrazeResponse(503, Map.of(), "busy"), () -> new BrazeResponse(500, Map.of(), "{}"),
                () -> new BrazeResponse(502, Map.of(), "<html>bad gateway</html>"));

        Outcome outcome = run(context(2, false, 1000), chunks(1), bucket(), new ChunkProgress());

        assertThat(client.bodies).hasSize(3);
        assertThat(outcome.failure).isInstanceOfSatisfying(BrazeApiException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(502);
            assertThat(e.isRetrySafe()).isTrue();
        });
        assertThat(statistics.retries()).isEqualTo(2);
    }

    @Test
    void aServerErrorThenSuccessDeliversOnce() throws Exception {
        client.answer(() -> new BrazeResponse(503, Map.of(), ""), () -> created("d0"));
        Outcome outcome = run(context(3, false, 1000), chunks(1), bucket(), new ChunkProgress());
        assertThat(outcome.failure).isNull();
        assertThat(client.bodies).hasSize(2);
    }

    @Test
    void clientErrorsAreNeverRetried() throws Exception {
        for (int status : new int[] { 400, 401, 403, 404 }) {
            client.bodies.clear();
            client.answer(() -> new BrazeResponse(status, Map.of(), "{\"message\":\"no\"}"));
            Outcome outcome = run(context(5, true, 1000), chunks(1), bucket(), new ChunkProgress());
            assertThat(client.bodies).as("status %d", status).hasSize(1);
            assertThat(outcome.failure).isInstanceOfSatisfying(BrazeApiException.class,
                    e -> assertThat(e.getStatusCode()).isEqualTo(status));
        }
    }

    @Test
    void a429WaitsForTheResetAndRetries() throws Exception {
        String resetSoon = String.valueOf(System.currentTimeMillis() / 1000 + 1);
        client.answer(() -> new BrazeResponse(429, Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", resetSoon), "{}"),
                () -> created("d0"));
        long start = System.currentTimeMillis();

        Outcome outcome = run(context(3, false, 5000), chunks(1), bucket(), new ChunkProgress());

        assertThat(outcome.failure).isNull();
        assertThat(client.bodies).hasSize(2);
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(Long.parseLong(resetSoon) * 1000);
        assertThat(start).isPositive();
        assertThat(statistics.rateLimitedCount()).isEqualTo(1);
    }

    @Test
    void a429WhoseResetIsBeyondTheWaitBudgetFailsAtOnceWithTheResetTime() throws Exception {
        long reset = System.currentTimeMillis() / 1000 + 3600;
        client.answer(() -> new BrazeResponse(429, Map.of("X-RateLimit-Reset", String.valueOf(reset)), "{}"));

        Outcome outcome = run(context(3, false, 1000), chunks(1), bucket(), new ChunkProgress());

        assertThat(client.bodies).hasSize(1);
        assertThat(outcome.failure).isInstanceOfSatisfying(BrazeRateLimitException.class,
                e -> assertThat(e.getResetTime().getEpochSecond()).isEqualTo(reset));
    }

    @Test
    void aSpentBudgetFailsWithoutSendingWhenTheResetIsTooFarAway() throws Exception {
        RateLimitBucket bucket = bucket();
        long reset = System.currentTimeMillis() / 1000 + 3600;
        bucket.reserve(System.currentTimeMillis(), () -> { }).reservation().update(Map.of("X-RateLimit-Limit", "10",
                "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", String.valueOf(reset)), System.currentTimeMillis());

        Outcome outcome = run(context(3, false, 1000), chunks(1), bucket, new ChunkProgress());

        assertThat(client.bodies).isEmpty();
        assertThat(outcome.failure).isInstanceOfSatisfying(BrazeRateLimitException.class, e -> {
            assertThat(e.getResetTime().getEpochSecond()).isEqualTo(reset);
            assertThat(e.getMessage()).contains("was not sent");
        });
    }

    @Test
    void connectionFailuresThatNeverReachedBrazeAreRetried() throws Exception {
        client.answerFailure(() -> new BrazeTransportException("refused", null, false));
        client.answer(() -> created("d0"));
        Outcome outcome = run(context(2, false, 1000), chunks(1), bucket(), new ChunkProgress());
        assertThat(outcome.failure).isNull();
        assertThat(client.bodies).hasSize(2);
    }

    @Test
    void ambiguousFailuresAreNotRetriedByDefault() throws Exception {
        client.answerFailure(() -> new BrazeTransportException("timeout", null, true));
        Outcome outcome = run(context(3, false, 1000), chunks(1), bucket(), new ChunkProgress());
        assertThat(client.bodies).hasSize(1);
        assertThat(outcome.failure).isInstanceOfSatisfying(BrazeTransportException.class, e -> {
            assertThat(e.isPossiblyDelivered()).isTrue();
            assertThat(e.isRetrySafe()).isFalse();
            assertThat(e.getMessage()).contains("may have been delivered");
        });
        assertThat(statistics.failures(DeliveryListener.FailureKind.AMBIGUOUS)).isEqualTo(1);
    }

    @Test
    void ambiguousFailuresAreRetriedWhenOptedIn() throws Exception {
        client.answerFailure(() -> new BrazeTransportException("timeout", null, true));
        client.answer(() -> created("d0"));
        Outcome outcome = run(context(3, true, 1000), chunks(1), bucket(), new ChunkProgress());
        assertThat(outcome.failure).isNull();
        assertThat(client.bodies).hasSize(2);
    }

    private static final class Outcome {
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch latch = new CountDownLatch(1);
        volatile List<String> results;
        volatile Throwable failure;
    }

    /** Answers each post with the next scripted response or failure, asynchronously like the real client. */
    private static final class ScriptedClient implements BrazeHttpClient {
        final List<String> bodies = new CopyOnWriteArrayList<>();
        final ConcurrentLinkedQueue<Supplier<CompletableFuture<BrazeResponse>>> script = new ConcurrentLinkedQueue<>();
        // held answers: the test completes them one by one, on its own thread
        final List<CompletableFuture<BrazeResponse>> held = new CopyOnWriteArrayList<>();
        final ConcurrentLinkedQueue<Supplier<BrazeResponse>> heldAnswers = new ConcurrentLinkedQueue<>();
        volatile boolean hold;

        void complete() {
            held.remove(0).complete(heldAnswers.poll().get());
        }

        @SafeVarargs
        final void answer(Supplier<BrazeResponse>... responses) {
            for (Supplier<BrazeResponse> response : responses) {
                script.add(() -> CompletableFuture.supplyAsync(response));
            }
        }

        void answerFailure(Supplier<BrazeTransportException> failure) {
            script.add(() -> CompletableFuture.supplyAsync(() -> {
                throw failure.get();
            }));
        }

        @Override
        public CompletableFuture<BrazeResponse> post(String path, byte[] jsonBody) {
            bodies.add(new String(jsonBody, StandardCharsets.UTF_8));
            if (hold) {
                CompletableFuture<BrazeResponse> answer = new CompletableFuture<>();
                held.add(answer);
                return answer;
            }
            Supplier<CompletableFuture<BrazeResponse>> next = script.poll();
            return next == null ? CompletableFuture.failedFuture(new AssertionError("unscripted request")) : next.get();
        }

        @Override
        public void close() {
        }
    }
}
