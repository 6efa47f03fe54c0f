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
package io.camelbraze.trigger.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelbraze.trigger.ratelimit.RateLimitBucket.Decision;
import io.camelbraze.trigger.ratelimit.RateLimitBucket.Decision.Kind;
import io.camelbraze.trigger.ratelimit.RateLimitBucket.Reservation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate-limit bucket on a virtual clock: the {@link ManualScheduler} is both its wake-up executor and its timer, so
 * nothing runs until the test advances time, and every count below is exact.
 */
class RateLimitBucketTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final long RESET_SECONDS = NOW / 1000 + 60;
    private static final long RESET = RESET_SECONDS * 1000;
    private static final Runnable NOTHING = () -> { };

    private final ManualScheduler clock = new ManualScheduler(NOW);
    private final RateLimitBucket bucket = new RateLimitBucket("targeted", clock, () -> clock);

    private static Map<String, String> headers(long limit, long remaining, long resetSeconds) {
        return headers(String.valueOf(limit), String.valueOf(remaining), String.valueOf(resetSeconds));
    }

    private static Map<String, String> headers(String limit, String remaining, String reset) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("x-ratelimit-limit", limit);
        headers.put("x-ratelimit-remaining", remaining);
        headers.put("x-ratelimit-reset", reset);
        return headers;
    }

    private Reservation go() {
        Decision decision = bucket.reserve(clock.now(), NOTHING);
        assertThat(decision.kind()).as("decision at +%d ms", clock.now() - NOW).isEqualTo(Kind.GO);
        return decision.reservation();
    }

    private Decision reserve() {
        return bucket.reserve(clock.now(), NOTHING);
    }

    /** A sender as the producer is one: asks, and when parked asks again on its wake-up. */
    private final class Caller implements Runnable {
        final List<Decision> decisions = new ArrayList<>();
        int wakeUps;

        Caller ask() {
            decisions.add(bucket.reserve(clock.now(), this));
            return this;
        }

        @Override
        public void run() {
            wakeUps++;
            ask();
        }

        Decision last() {
            return decisions.get(decisions.size() - 1);
        }
    }

    private List<Caller> callers(int count) {
        List<Caller> callers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            callers.add(new Caller().ask());
        }
        return callers;
    }

    /** Takes a fresh bucket through one window alone, so that its share is 1 from the next window (at {@code RESET}). */
    private void aloneForOneWindow(long limit) {
        long used = 1;
        go().update(headers(limit, limit - used, RESET_SECONDS), clock.now());
        List<Reservation> sent = new ArrayList<>();
        Decision decision;
        while ((decision = reserve()).kind() == Kind.GO) {
            sent.add(decision.reservation());
        }
        for (Reservation reservation : sent) {
            reservation.update(headers(limit, limit - ++used, RESET_SECONDS), clock.now());
        }
        assertThat(decision.kind()).as("the share of a first window is used up").isEqualTo(Kind.WAIT);
        clock.advanceTo(RESET - 30_000); // the middle of the window: the last unit, and a fresh view
        go().update(headers(limit, limit - ++used, RESET_SECONDS), clock.now());
        clock.advanceTo(RESET + RateLimitBucket.RESET_GUARD_MILLIS);
    }

    // ---- waiting for the first answer: event-driven, not a rate-limit wait ----

    @Test
    void whileNothingIsKnownOneRequestGoesFirstAndTheOthersAreParkedNotToldToWait() {
        Reservation probe = go();
        List<Caller> others = callers(3);

        assertThat(others).allSatisfy(c -> assertThat(c.last().kind()).isEqualTo(Kind.PARKED));
        probe.update(headers(250_000, 249_999, RESET_SECONDS), clock.now());
        clock.runDue();

        assertThat(others).allSatisfy(c -> {
            assertThat(c.wakeUps).isEqualTo(1);
            assertThat(c.last().kind()).isEqualTo(Kind.GO);
        });
        assertThat(others).flatExtracting(c -> c.decisions).extracting(Decision::kind).doesNotContain(Kind.WAIT);
    }

    @Test
    void twoThousandParkedSendersAreWokenOnceEachByTheAnswerWithoutPolling() {
        Reservation probe = go();
        List<Caller> parked = callers(2000);
        clock.advanceBy(1500); // the first answer takes 1.5 s: nothing polls meanwhile
        assertThat(parked).allSatisfy(c -> assertThat(c.wakeUps).isZero());
        assertThat(clock.pending()).as("one timer for the bucket, none per waiter").isEqualTo(1);

        probe.update(headers(250_000, 249_999, RESET_SECONDS), clock.now());
        clock.runDue();

        assertThat(parked).allSatisfy(c -> {
            assertThat(c.wakeUps).isEqualTo(1);
            assertThat(c.last().kind()).isEqualTo(Kind.GO);
        });
        assertThat(bucket.snapshot().inFlight()).isEqualTo(2000);
    }

    @Test
    void anOverdueFirstAnswerLetsOneMoreRequestGoNotEveryone() {
        go();
        List<Caller> parked = callers(100);

        clock.advanceBy(RateLimitBucket.PROBE_TIMEOUT_MILLIS);

        assertThat(parked.stream().filter(c -> c.wakeUps > 0)).hasSize(1);
        assertThat(parked.get(0).last().kind()).isEqualTo(Kind.GO);
        assertThat(bucket.snapshot().parked()).isEqualTo(99);
        assertThat(bucket.snapshot().inFlight()).isEqualTo(2);
    }

    @Test
    void aFirstRequestThatNeverReachedBrazeLetsTheNextCallerAsk() {
        Reservation probe = go();
        List<Caller> parked = callers(3);

        probe.release(clock.now());
        clock.runDue();

        assertThat(parked.get(0).last().kind()).isEqualTo(Kind.GO);
        assertThat(parked.get(1).last().kind()).isEqualTo(Kind.PARKED);
        assertThat(bucket.snapshot().inFlight()).isEqualTo(1);
    }

    @Test
    void answersWithoutRateLimitHeadersMeanNoPacing() {
        go().update(headers("", "", ""), clock.now());
        for (int i = 0; i < 5; i++) {
            go();
        }
        assertThat(bucket.snapshot().remaining()).isEqualTo(-1);
    }

    @Test
    void aFirstAnswerFromAWindowThatIsOverStillMeansPacing() {
        Reservation probe = go();
        clock.advanceTo(RESET + 200); // the answer describes the window that ended 200 ms ago
        probe.update(headers(1600, 1599, RESET_SECONDS), clock.now());

        int granted = 0;
        while (reserve().kind() == Kind.GO) {
            granted++;
        }
        // a first share (1/16 of the limit), less the first request (charged, in case it landed in this window) and the
        // unit kept for the middle of the window
        assertThat(granted).as("a first share, not everything").isEqualTo(1600 / RateLimitBucket.MIN_SHARE_DIVISOR - 2);
    }

    /**
     * A small budget (20 a second: a first share of one request) whose first answer comes from a window that is over:
     * nothing is in flight to tell the new window's reset, so one request goes to learn it. It used to be told to wait
     * for the reset, again and again, each second, until rateLimitMaxWait ran out.
     */
    @Test
    void aSmallBudgetWhoseResetIsUnknownWithNothingInFlightLetsOneRequestLearnIt() {
        Reservation probe = go();
        clock.advanceTo(RESET + 300); // a 300 ms round trip from a 1 s window that is over
        probe.update(headers(20, 19, RESET_SECONDS), clock.now());

        Decision next = reserve();

        assertThat(next.kind()).as("with nothing in flight, only a request can tell the reset").isEqualTo(Kind.GO);
        assertThat(reserve().kind()).as("one at a time while the reset is unknown").isNotEqualTo(Kind.GO);
        next.reservation().update(headers(20, 18, RESET_SECONDS + 1), clock.now());
        assertThat(bucket.snapshot().resetEpochMillis()).isEqualTo((RESET_SECONDS + 1) * 1000);
    }

    // ---- a spent budget: a rate-limit wait until the reset ----

    @Test
    void aSpentBudgetIsARateLimitWaitUntilTheResetOnceTheAnswersInFlightConfirmIt() {
        aloneForOneWindow(100);
        long nextResetSeconds = RESET_SECONDS + 60;
        Reservation first = go();
        first.update(headers(100, 2, nextResetSeconds), clock.now()); // others took 97 of this window before us
        Reservation second = go();
        Reservation third = go();
        Caller fourth = new Caller().ask();
        assertThat(fourth.last().kind()).as("answers in flight may still show budget").isEqualTo(Kind.PARKED);

        second.update(headers(100, 1, nextResetSeconds), clock.now());
        third.update(headers(100, 0, nextResetSeconds), clock.now());
        clock.runDue();

        assertThat(fourth.wakeUps).isEqualTo(1);
        assertThat(fourth.last().kind()).isEqualTo(Kind.WAIT);
        assertThat(fourth.last().waitMillis())
                .isEqualTo(nextResetSeconds * 1000 - clock.now() + RateLimitBucket.RESET_GUARD_MILLIS);
        assertThat(bucket.snapshot().remaining()).isZero();
    }

    @Test
    void aNewWindowRestoresTheLimit() {
        aloneForOneWindow(100);
        Reservation first = go();
        first.update(headers(100, 0, RESET_SECONDS + 60), clock.now());
        assertThat(reserve().kind()).isEqualTo(Kind.WAIT);

        clock.advanceTo((RESET_SECONDS + 60) * 1000 + 1);
        go();
        assertThat(bucket.snapshot().remaining()).isEqualTo(99);
        assertThat(bucket.snapshot().resetEpochMillis()).isZero();
    }

    @Test
    void outOfOrderResponsesKeepTheSmallestRemainingOfTheSameWindow() {
        go().update(headers(100, 10, RESET_SECONDS), clock.now());
        Reservation a = go();
        Reservation b = go();
        a.update(headers(100, 8, RESET_SECONDS), clock.now());
        b.update(headers(100, 9, RESET_SECONDS), clock.now());
        assertThat(bucket.snapshot().remaining()).isEqualTo(8);
    }

    @Test
    void aLateAnswerFromAWindowThatIsOverIsIgnored() {
        aloneForOneWindow(100);
        Reservation inFlight = go();
        clock.advanceTo(RESET + 60_000 + 10); // that window is over too
        inFlight.update(headers(100, 3, RESET_SECONDS + 60), clock.now());
        assertThat(bucket.snapshot().remaining()).isEqualTo(100);
        assertThat(bucket.snapshot().resetEpochMillis()).isZero();
    }

    @Test
    void emptyHeaderValuesAsOnA401AreIgnored() {
        go().update(headers("", "", ""), clock.now());
        RateLimitBucket.Snapshot snapshot = bucket.snapshot();
        assertThat(snapshot.limit()).isEqualTo(-1);
        assertThat(snapshot.remaining()).isEqualTo(-1);
        assertThat(snapshot.resetEpochMillis()).isZero();
    }

    // ---- 429 ----

    @Test
    void a429EmptiesTheBucketUntilTheResetOrRetryAfterWhicheverIsLater() {
        Map<String, String> headers = headers(250, 0, NOW / 1000 + 5);
        headers.put("Retry-After", "30");

        long until = go().onRateLimited(headers, clock.now());

        assertThat(until).isEqualTo(NOW + 30_000);
        Decision next = reserve();
        assertThat(next.kind()).isEqualTo(Kind.WAIT);
        assertThat(next.waitMillis()).isEqualTo(30_000 + RateLimitBucket.RESET_GUARD_MILLIS);
    }

    @Test
    void a429sOwnShortResetReplacesTheHourlyOne() {
        go().update(headers(250_000, 1000, NOW / 1000 + 3000), clock.now());
        long until = go().onRateLimited(headers(250_000, 0, NOW / 1000 + 1), clock.now());
        assertThat(until).isEqualTo((NOW / 1000 + 1) * 1000);
    }

    @Test
    void a429WithoutHeadersWaitsAShortWhile() {
        assertThat(go().onRateLimited(new TreeMap<>(String.CASE_INSENSITIVE_ORDER), clock.now()))
                .isEqualTo(NOW + RateLimitBucket.UNKNOWN_RESET_WAIT_MILLIS);
        assertThat(reserve().kind()).isEqualTo(Kind.WAIT);
    }

    // ---- giving unused reservations back ----

    @Test
    void aRequestThatNeverReachedBrazeGivesItsUnitBackAndWakesTheNextCaller() {
        aloneForOneWindow(100);
        Reservation first = go();
        first.update(headers(100, 2, RESET_SECONDS + 60), clock.now());
        Reservation second = go();
        go();
        Caller waiting = new Caller().ask();
        assertThat(waiting.last().kind()).isEqualTo(Kind.PARKED);

        second.release(clock.now()); // connection refused
        clock.runDue();

        assertThat(waiting.last().kind()).isEqualTo(Kind.GO);
        assertThat(bucket.snapshot().remaining()).isZero();
    }

    @Test
    void aUnitReleasedAfterItsWindowEndedIsNotGivenToTheNewWindow() {
        aloneForOneWindow(10);
        List<Reservation> previousWindow = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            previousWindow.add(go());
        }
        clock.advanceTo(RESET + 60_000 + 10); // a new window starts while all ten are still in flight
        assertThat(reserve().kind()).as("the ten in flight may land in this window").isEqualTo(Kind.PARKED);

        for (int i = 0; i < 5; i++) {
            previousWindow.get(i).release(clock.now());
        }

        // five never reached Braze, five may still land in this window: five are free, never more than the limit allows
        assertThat(bucket.snapshot().remaining()).isEqualTo(5);
        assertThat(bucket.snapshot().inFlight()).isEqualTo(5);
    }

    @Test
    void requestsInFlightAtAResetThatWereCountedInTheOldWindowFreeTheNewOne() {
        aloneForOneWindow(10);
        List<Reservation> previousWindow = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            previousWindow.add(go());
        }
        clock.advanceTo(RESET + 60_000 + 10);
        Caller waiting = new Caller().ask();
        assertThat(waiting.last().kind()).isEqualTo(Kind.PARKED);

        // Braze counted it in the window that ended: its answer arrives late
        previousWindow.get(0).update(headers(10, 0, RESET_SECONDS + 60), clock.now());
        clock.runDue();

        assertThat(waiting.last().kind()).isEqualTo(Kind.GO);
    }

    // ---- sharing a workspace with other nodes ----

    @Test
    void aLoneNodeBurstsTheWholeWindowAtOnce() {
        aloneForOneWindow(160);
        for (int i = 0; i < 160; i++) {
            go();
        }
        assertThat(bucket.snapshot().share()).isEqualTo(1.0);
        assertThat(reserve().kind()).isEqualTo(Kind.PARKED);
    }

    @Test
    void aNodeThatSeesOthersTakeTheBudgetTakesOnlyItsShareAndKeepsTheLastUnitForTheMiddleOfTheWindow() {
        long limit = 160;
        long resetSeconds = NOW / 1000 + 2; // 2-second windows, as the fake Braze in the route tests
        long[] used = {0};
        // Braze's counts grow by 4 for each of our requests: three other nodes send as much as we do
        go().update(headers(limit, limit - (used[0] += 4), resetSeconds), clock.now());
        List<Reservation> sent = new ArrayList<>();
        Decision decision;
        while ((decision = reserve()).kind() == Kind.GO) {
            sent.add(decision.reservation());
        }
        assertThat(sent).as("a first window's share is 1/16 of the limit, less the probe and the unit kept").hasSize(10 - 2);
        assertThat(decision.kind()).isEqualTo(Kind.WAIT);
        assertThat(clock.now() + decision.waitMillis()).as("until the middle of the window").isEqualTo(NOW + 1000);
        for (Reservation reservation : sent) {
            reservation.update(headers(limit, limit - (used[0] += 4), resetSeconds), clock.now());
        }

        clock.advanceTo(NOW + 1000);
        go().update(headers(limit, limit - (used[0] += 4), resetSeconds), clock.now());
        // the fresh view says we sent a quarter of the window, 4 times our share: the others leave budget unused
        go().update(headers(limit, limit - (used[0] += 4), resetSeconds), clock.now());

        clock.advanceTo(resetSeconds * 1000 + RateLimitBucket.RESET_GUARD_MILLIS);
        int granted = 0;
        while (reserve().kind() == Kind.GO) {
            granted++;
        }
        assertThat(bucket.snapshot().share()).as("a quarter measured, but at most twice the last share").isEqualTo(0.125);
        assertThat(granted).isEqualTo(20 - 1);
    }

    @Test
    void fourNodesOnOneWorkspaceDrawAlmostNo429sAndUseTheWindows() {
        // deterministic: four buckets, one simulated Braze at 100 requests per 2 s, random latencies from a fixed seed
        for (int skew : new int[] {0, 5}) {
            SimulatedWorkspace workspace = new SimulatedWorkspace(NOW + 300, 100, 2000, 42, 15);
            workspace.skewMillis = skew; // node i is i × skew ms further from Braze each way
            for (int i = 0; i < 4; i++) {
                workspace.node().submitLater(300L * i, 250);
            }
            workspace.runUntilDelivered(120_000);

            assertThat(workspace.delivered()).isEqualTo(1000);
            assertThat(workspace.rateLimited).as("429s").isLessThanOrEqualTo(workspace.requests * 2 / 100);
            assertThat(workspace.utilisationOfFullWindows()).isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void whenOneOfSeveralNodesRunsOutOfWorkTheOthersTakeItsShareWithinAWindow() {
        // 3 to 5 nodes start together; the last has a quarter of the others' work and falls silent early, as a node that
        // dies does: its share must not be lost for more than about a window (each window is a whole hour on Braze)
        for (int nodes = 3; nodes <= 5; nodes++) {
            for (long seed = 1; seed <= 4; seed++) {
                SimulatedWorkspace workspace = new SimulatedWorkspace(NOW + 300, 50, 2000, seed, 15);
                int work = 50 * 12 / nodes;
                for (int i = 0; i < nodes; i++) {
                    workspace.node().submit(i == nodes - 1 ? work / 4 : work);
                }
                workspace.runUntilDelivered(120_000);

                assertThat(workspace.delivered()).isEqualTo(workspace.submitted());
                assertThat(workspace.utilisationOfFullWindows())
                        .as("%d nodes, seed %d: accepted per window %s", nodes, seed, workspace.acceptedPerWindow.values())
                        .isGreaterThanOrEqualTo(0.95);
            }
        }
    }

    @Test
    void nodesComingAndGoingWithRandomWorkDeliverEverythingAndDrawAtMostOne429PerRequestInFlightWhenAWindowFills() {
        // 2 to 4 nodes on a minute window of 3,000: bulk sends, trickles, and nodes that were alone for a while coming
        // back with a share of 1 while others are busy. Each node keeps at most 16 sends live (as maxPendingRequests bounds
        // them), so two nodes that both believe they may take the rest of a window overshoot by what is on the wire only.
        int places = 16;
        for (long seed = 1; seed <= 100; seed++) {
            Random work = new Random(seed * 7919);
            SimulatedWorkspace workspace = new SimulatedWorkspace(NOW + 300 + work.nextInt(50_000), 3000, 60_000, seed, 15);
            int nodes = 2 + work.nextInt(3);
            StringBuilder plan = new StringBuilder();
            for (int i = 0; i < nodes; i++) {
                SimulatedWorkspace.Node node = workspace.node();
                node.limitLiveSends(places);
                plan.append(giveRandomWork(node, work));
            }
            workspace.runUntilDelivered(7_200_000);

            String run = String.format("seed %d, nodes%s: accepted per window %s, 429s %s", seed, plan,
                    workspace.acceptedPerWindow.values(), workspace.rateLimitedPerWindow.values());
            assertThat(workspace.delivered()).as(run).isEqualTo(workspace.submitted());
            assertThat(workspace.rateLimitedPerWindow.values()).as(run).allMatch(limited -> limited <= nodes * places);
            assertThat(workspace.rateLimited).as(run).isLessThanOrEqualTo(workspace.requests / 100);
        }
    }

    /** A bulk send, a trickle, or a first batch and, after a quiet while, a second one; what it gave, for the message. */
    private static String giveRandomWork(SimulatedWorkspace.Node node, Random work) {
        switch (work.nextInt(3)) {
            case 0 -> {
                int count = 500 + work.nextInt(6000);
                long at = work.nextInt(120_000);
                node.submitLater(at, count);
                return String.format(" [%d at %d ms]", count, at);
            }
            case 1 -> {
                int each = 10 + work.nextInt(100);
                long every = 1000 + work.nextInt(5000);
                int times = 10 + work.nextInt(100);
                for (int t = 0; t < times; t++) {
                    node.submitLater(t * every, each);
                }
                return String.format(" [%d every %d ms, %d times]", each, every, times);
            }
            default -> {
                int first = 100 + work.nextInt(2000);
                int second = 500 + work.nextInt(6000);
                long at = 60_000 + work.nextInt(120_000);
                node.submit(first);
                node.submitLater(at, second);
                return String.format(" [%d, then %d at %d ms]", first, second, at);
            }
        }
    }

    @Test
    void aLoneNodeHoldsAnExchangeOfTenThousandRecipientsBackByOneRoundTripOnly() {
        // Braze's default targeted budget (250,000 per clock hour) and answers in 50 ms (24 to 25 ms each way)
        SimulatedWorkspace workspace = new SimulatedWorkspace(NOW + 300, 250_000, 3_600_000, 1, 1);
        workspace.baseLatencyMillis = 23;
        long start = workspace.clock.now();
        workspace.node().submit(200); // 200 chunks of 50 recipients, all ready at once

        workspace.runUntilDelivered(60_000);

        long elapsed = workspace.clock.now() - start;
        double recipientsPerSecond = 10_000 * 1000.0 / elapsed;
        assertThat(workspace.delivered()).isEqualTo(200);
        assertThat(elapsed).as("the first request's round trip, then all the others at once").isLessThanOrEqualTo(2 * 50 + 10);
        assertThat(recipientsPerSecond).isGreaterThanOrEqualTo(4000);
    }

    @Test
    void aLoneSimulatedNodeUsesEveryWindowInFullWithout429s() {
        SimulatedWorkspace workspace = new SimulatedWorkspace(NOW + 300, 100, 2000, 7, 15);
        workspace.node().submit(1000);
        workspace.runUntilDelivered(120_000);

        assertThat(workspace.rateLimited).isZero();
        assertThat(workspace.utilisationOfFullWindows()).isEqualTo(1.0);
    }

    // ---- wake-ups: on the executor, outside the lock, never recursively ----

    @Test
    void wakeUpsRunOutsideTheLockAndWithoutRecursionWhenTheExecutorRefusesThem() {
        Executor refusing = task -> {
            throw new RejectedExecutionException("stopping");
        };
        RateLimitBucket stopping = new RateLimitBucket("targeted", refusing, () -> clock);
        Reservation probe = stopping.reserve(NOW, NOTHING).reservation();
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger deepest = new AtomicInteger();
        AtomicInteger heldLock = new AtomicInteger();
        int parked = 20_000;
        for (int i = 0; i < parked; i++) {
            stopping.reserve(NOW, new Runnable() {
                @Override
                public void run() {
                    ran.incrementAndGet();
                    deepest.accumulateAndGet(Thread.currentThread().getStackTrace().length, Math::max);
                    if (Thread.holdsLock(stopping)) {
                        heldLock.incrementAndGet();
                    }
                    // each woken caller goes first, fails to connect, and so wakes the next one
                    Decision decision = stopping.reserve(NOW, this);
                    if (decision.kind() == Kind.GO) {
                        decision.reservation().release(NOW);
                    }
                }
            });
        }

        probe.release(NOW);

        assertThat(ran).hasValue(parked);
        assertThat(heldLock).hasValue(0);
        assertThat(deepest.get()).as("stack depth").isLessThan(200);
    }

    @Test
    void withoutATimerParkedCallersAreWokenAndToldToWaitNotParkedAgain() {
        java.util.concurrent.ScheduledExecutorService stopped = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        stopped.shutdownNow();
        RateLimitBucket stopping = new RateLimitBucket("targeted", Runnable::run, () -> stopped);
        stopping.reserve(NOW, NOTHING);
        AtomicInteger wakeUps = new AtomicInteger();
        List<Decision> decisions = new ArrayList<>();
        Runnable caller = new Runnable() {
            @Override
            public void run() {
                wakeUps.incrementAndGet();
                decisions.add(stopping.reserve(NOW, this));
            }
        };

        Decision first = stopping.reserve(NOW, caller);

        assertThat(first.kind()).isEqualTo(Kind.PARKED);
        assertThat(wakeUps).as("woken at once, and only once").hasValue(1);
        assertThat(decisions).extracting(Decision::kind).containsExactly(Kind.WAIT);
        assertThat(stopping.snapshot().parked()).isZero();
    }

    @Test
    void aCancelledWakeUpIsNotRun() {
        Reservation probe = go();
        Caller gaveUp = new Caller().ask();
        Caller stays = new Caller().ask();

        assertThat(bucket.cancel(gaveUp)).isTrue();
        probe.update(headers(250_000, 249_999, RESET_SECONDS), clock.now());
        clock.runDue();

        assertThat(gaveUp.wakeUps).isZero();
        assertThat(stays.wakeUps).isEqualTo(1);
    }

    @Test
    void settlingAReservationTwiceCountsOnce() {
        Reservation probe = go();
        probe.update(headers(100, 99, RESET_SECONDS), clock.now());
        probe.release(clock.now());
        probe.update(headers(100, 99, RESET_SECONDS), clock.now());
        assertThat(bucket.snapshot().inFlight()).isZero();
    }
}
