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

import io.camelbraze.trigger.delivery.PendingRequests;

/**
 * Several nodes, each with its own {@link RateLimitBucket}, sending to one simulated Braze workspace whose budget is
 * {@code limit} requests per fixed window aligned on the epoch (as Braze's clock hour, and the fake Braze), all on a
 * virtual clock. Each node's senders follow the bucket's contract as the producer does: GO sends, WAIT schedules a new
 * attempt, PARKED waits for the wake-up, a 429 waits for the reset and tries again. Network and thread hand-offs get
 * random delays from a seeded generator, so a run is reproducible.
 */
final class SimulatedWorkspace {

    final ManualScheduler clock;
    private final int limit;
    private final long windowMillis;
    private final Random random;
    private final int maxLatency;
    private final List<Node> nodes = new ArrayList<>();

    private long windowStart = Long.MIN_VALUE;
    private int used;

    // Braze's journal
    int requests;
    int rateLimited;
    final TreeMap<Long, Integer> acceptedPerWindow = new TreeMap<>();
    final TreeMap<Long, Integer> rateLimitedPerWindow = new TreeMap<>();
    final TreeMap<Long, String> trace = new TreeMap<>();
    boolean tracing;
    long wakeUpsRun;

    SimulatedWorkspace(long startMillis, int limit, long windowMillis, long seed, int maxLatencyMillis) {
        this.clock = new ManualScheduler(startMillis);
        this.limit = limit;
        this.windowMillis = windowMillis;
        this.random = new Random(seed);
        this.maxLatency = maxLatencyMillis;
    }

    Node node() {
        Node node = new Node();
        nodes.add(node);
        return node;
    }

    List<Node> nodes() {
        return nodes;
    }

    /** Runs until every node has delivered everything (or the virtual deadline passes). */
    void runUntilDelivered(long maxVirtualMillis) {
        long deadline = clock.now() + maxVirtualMillis;
        while (clock.now() < deadline && nodes.stream().anyMatch(n -> n.delivered < n.submitted)) {
            if (!clock.runNext()) {
                break;
            }
        }
    }

    int delivered() {
        return nodes.stream().mapToInt(n -> n.delivered).sum();
    }

    int submitted() {
        return nodes.stream().mapToInt(n -> n.submitted).sum();
    }

    /** Accepted requests per window, without the first and last (partial) windows, over the limit. */
    double utilisationOfFullWindows() {
        if (acceptedPerWindow.size() < 3) {
            return 1.0;
        }
        Map<Long, Integer> full = acceptedPerWindow.subMap(acceptedPerWindow.firstKey(), false, acceptedPerWindow.lastKey(), false);
        return full.values().stream().mapToInt(Integer::intValue).sum() / (double) (full.size() * limit);
    }

    /** Share of requests held up 200 to 400 ms on the way (a connection lease queued on a busy node). */
    double slowFraction;

    /** Added to every one-way latency. */
    int baseLatencyMillis;

    private int latency() {
        return baseLatencyMillis + 1 + random.nextInt(maxLatency);
    }

    private int outboundLatency() {
        return latency() + (random.nextDouble() < slowFraction ? 200 + random.nextInt(200) : 0);
    }

    private Map<String, String> braze(boolean[] allowed) {
        long now = clock.now();
        long start = Math.floorDiv(now, windowMillis) * windowMillis;
        if (start != windowStart) {
            windowStart = start;
            used = 0;
        }
        requests++;
        allowed[0] = used < limit;
        if (allowed[0]) {
            used++;
            acceptedPerWindow.merge(start / windowMillis, 1, Integer::sum);
        } else {
            rateLimited++;
            rateLimitedPerWindow.merge(start / windowMillis, 1, Integer::sum);
        }
        if (tracing && !trace.containsKey(start / windowMillis)) {
            StringBuilder line = new StringBuilder();
            for (Node n : nodes) {
                RateLimitBucket.Snapshot snap = n.bucket.snapshot();
                line.append(String.format(" [left %d share %.3f]", n.submitted - n.delivered, snap.share()));
            }
            trace.put(start / windowMillis, line.toString());
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("x-ratelimit-limit", String.valueOf(limit));
        headers.put("x-ratelimit-remaining", String.valueOf(limit - used));
        headers.put("x-ratelimit-reset", String.valueOf(Math.floorDiv(start + windowMillis + 999, 1000)));
        return headers;
    }

    /** Extra one-way latency of node i: i × this (some nodes are further from Braze, or busier). */
    int skewMillis;

    final class Node {
        final RateLimitBucket bucket;
        final int index = nodes.size();
        int submitted;
        int delivered;
        /** A send holds a place from its first attempt to its delivery, as in the producer. Unbounded unless limited. */
        private PendingRequests places = new PendingRequests(Integer.MAX_VALUE);

        Node() {
            // a thread hand-off takes a little time, as on a busy machine
            Executor wakeUps = task -> clock.schedule(() -> {
                wakeUpsRun++;
                task.run();
            }, random.nextInt(3), java.util.concurrent.TimeUnit.MILLISECONDS);
            bucket = new RateLimitBucket("targeted", wakeUps, () -> clock);
        }

        /** At most {@code max} of this node's sends are live at once ({@code maxPendingRequests}); the rest queue. */
        void limitLiveSends(int max) {
            places = new PendingRequests(max);
        }

        /** {@code count} single-request sends arrive now. */
        void submit(int count) {
            submitLater(0, count);
        }

        /** {@code count} single-request sends arrive in {@code delayMillis}. */
        void submitLater(long delayMillis, int count) {
            submitted += count;
            clock.schedule(() -> {
                for (int i = 0; i < count; i++) {
                    Send send = new Send();
                    if (places.tryAcquire(send)) {
                        send.attempt();
                    }
                }
            }, delayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        /** One request; its wake-up (and its place's grant) is itself, so that the bucket knows it when it comes back. */
        private final class Send implements Runnable {
            @Override
            public void run() {
                attempt();
            }

            void attempt() {
                RateLimitBucket.Decision decision = bucket.reserve(clock.now(), this);
                switch (decision.kind()) {
                    case PARKED -> {
                    }
                    case WAIT -> clock.schedule(this, decision.waitMillis() + random.nextInt(3),
                            java.util.concurrent.TimeUnit.MILLISECONDS);
                    case GO -> {
                        RateLimitBucket.Reservation reservation = decision.reservation();
                        clock.schedule(() -> {
                            boolean[] allowed = new boolean[1];
                            Map<String, String> headers = braze(allowed);
                            clock.schedule(() -> answered(reservation, headers, allowed[0]), latency() + index * skewMillis,
                                    java.util.concurrent.TimeUnit.MILLISECONDS);
                        }, outboundLatency() + index * skewMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
                    }
                }
            }

            private void answered(RateLimitBucket.Reservation reservation, Map<String, String> headers, boolean allowed) {
                long now = clock.now();
                if (allowed) {
                    reservation.update(headers, now);
                    delivered++;
                    places.release();
                } else {
                    long until = reservation.onRateLimited(headers, now);
                    clock.schedule(this, until - now + RateLimitBucket.RESET_GUARD_MILLIS,
                            java.util.concurrent.TimeUnit.MILLISECONDS);
                }
            }
        }
    }
}
