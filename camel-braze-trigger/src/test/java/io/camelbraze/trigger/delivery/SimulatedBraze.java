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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelbraze.trigger.BrazeTransportException;
import io.camelbraze.trigger.http.BrazeHttpClient;
import io.camelbraze.trigger.http.BrazeResponse;
import io.camelbraze.trigger.ratelimit.ManualScheduler;

/**
 * Braze and the network for the delivery simulation: each request's fate is drawn from the seed — accepted (201), 400,
 * 401, 429 (with the workspace window's reset), 500/503, 504 (accepted or not), connection refused, dropped after Braze
 * accepted, timed out, answered after the timeout — until the faults stop, and accepted from then on. Braze handles a
 * request after a drawn latency on the way there, and its answer, with the rate-limit headers of that moment, reaches
 * the client after a drawn latency on the way back: it may come from a window that is over by then. A workspace window
 * (a limit per window of one to a few seconds, or no rate-limit headers at all) answers 429 when spent, as Braze does.
 * <p>
 * It keeps the truth the invariants are checked against: per route step (an exchange's send to one target), which
 * recipients Braze accepted, which of those the client was told of (2xx), which were in requests whose end the client
 * could not know (ambiguous), and which requests of each delivery are still on the wire.
 */
final class SimulatedBraze {

    enum Fate { ACCEPT, BAD_REQUEST, UNAUTHORIZED, RATE_LIMITED, SERVER_ERROR, GATEWAY_TIMEOUT, REFUSED, DROPPED_AFTER_ACCEPT,
        TIMEOUT, ANSWER_AFTER_TIMEOUT }

    static final long REQUEST_TIMEOUT_MILLIS = 1000;
    /** The longest an answer that comes after the client's timeout takes. */
    static final long LATE_ANSWER_MAX_MILLIS = REQUEST_TIMEOUT_MILLIS + 2000;
    /** The longest way to Braze and back. */
    static final long ROUND_TRIP_MAX_MILLIS = 300;

    private final ManualScheduler time;
    private final Random random;
    private final double[] weights;
    private final int limitPerWindow; // 0: Braze sends no rate-limit headers
    private final long windowMillis;
    private final long faultsEndAt;
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<String> log;

    private long windowEnd;
    private int usedInWindow;

    // the truth, per route step
    final Map<String, Map<String, Integer>> acceptedAtBraze = new HashMap<>();
    final Map<String, Set<String>> toldAccepted = new HashMap<>();
    final Map<String, Set<String>> ambiguous = new HashMap<>();
    final List<String> violations = new ArrayList<>();
    int requests;
    private int onWire;

    /**
     * @param limitPerWindow requests Braze counts in a window, 0: it sends no rate-limit headers
     * @param windowSeconds  the length of Braze's windows (their resets are on whole seconds)
     * @param faultsEndAt    from then on every request is accepted (or answered 429 when the window is spent)
     */
    SimulatedBraze(ManualScheduler time, Random random, double[] weights, int limitPerWindow, int windowSeconds,
                   long faultsEndAt, List<String> log) {
        this.time = time;
        this.random = random;
        this.weights = weights;
        this.limitPerWindow = limitPerWindow;
        this.windowMillis = windowSeconds * 1000L;
        this.faultsEndAt = faultsEndAt;
        this.log = log;
    }

    /** Requests of any delivery sent and not yet ended for the client. */
    int onWire() {
        return onWire;
    }

    /** One delivery's view of the transport: it knows which step each recipient of its requests belongs to. */
    final class Wire implements BrazeHttpClient {
        final String name;
        final Function<String, String> stepOf;
        int onWire;

        Wire(String name, Function<String, String> stepOf) {
            this.name = name;
            this.stepOf = stepOf;
        }

        @Override
        public CompletableFuture<BrazeResponse> post(String path, byte[] jsonBody) {
            return SimulatedBraze.this.post(this, jsonBody);
        }

        @Override
        public void close() {
        }
    }

    Wire wire(String name, Function<String, String> stepOf) {
        return new Wire(name, stepOf);
    }

    private CompletableFuture<BrazeResponse> post(Wire wire, byte[] body) {
        List<String> recipients = recipientsOf(body);
        requests++;
        for (String recipient : recipients) {
            String step = wire.stepOf.apply(recipient);
            if (toldAccepted.getOrDefault(step, Set.of()).contains(recipient)) {
                violations.add(wire.name + " sent " + recipient + " for " + step + " again after Braze's 2xx for it");
            }
        }
        Fate fate = draw();
        long there = 1 + random.nextInt((int) ROUND_TRIP_MAX_MILLIS / 2);
        long back = random.nextInt((int) ROUND_TRIP_MAX_MILLIS / 2);
        CompletableFuture<BrazeResponse> answer = new CompletableFuture<>();
        wire.onWire++;
        onWire++;
        log.add(time.now() + " " + wire.name + " posts " + recipients.size() + " recipient(s): " + fate);
        switch (fate) {
            case ACCEPT -> handle(wire, there, back, () -> {
                if (!takeFromWindow()) {
                    BrazeResponse limited = response(429, "{\"message\":\"rate limited\"}");
                    return () -> answer.complete(limited);
                }
                acceptAtBraze(wire, recipients);
                BrazeResponse accepted = response(201, "{\"dispatch_id\":\"d" + requests + "\",\"message\":\"success\"}");
                return () -> {
                    toldAccepted(wire, recipients);
                    answer.complete(accepted);
                };
            });
            case BAD_REQUEST -> answer(wire, there, back, answer, 400, "{\"message\":\"Canvas does not exist\"}");
            case UNAUTHORIZED -> answer(wire, there, back, answer, 401, "{\"message\":\"Invalid API key: key\"}");
            case RATE_LIMITED -> handle(wire, there, back, () -> {
                rollWindow();
                usedInWindow = Math.max(usedInWindow, limitPerWindow); // another node spent the window
                BrazeResponse limited = response(429, "{\"message\":\"rate limited\"}");
                return () -> answer.complete(limited);
            });
            case SERVER_ERROR -> answer(wire, there, back, answer, random.nextBoolean() ? 500 : 503, "{\"message\":\"oops\"}");
            case GATEWAY_TIMEOUT -> handle(wire, there, back, () -> {
                if (random.nextBoolean() && takeFromWindow()) {
                    acceptAtBraze(wire, recipients);
                }
                BrazeResponse timedOut = response(504, "<html>gateway timeout</html>");
                return () -> {
                    markAmbiguous(wire, recipients);
                    answer.complete(timedOut);
                };
            });
            case REFUSED -> time.schedule(() -> {
                ended(wire);
                answer.completeExceptionally(new BrazeTransportException("Connection refused", null, false));
            }, 1, TimeUnit.MILLISECONDS);
            case DROPPED_AFTER_ACCEPT -> handle(wire, there, back, () -> {
                if (takeFromWindow()) {
                    acceptAtBraze(wire, recipients);
                }
                return () -> {
                    markAmbiguous(wire, recipients);
                    answer.completeExceptionally(new BrazeTransportException("Connection reset", null, true));
                };
            });
            case TIMEOUT, ANSWER_AFTER_TIMEOUT -> {
                time.schedule(() -> {
                    ended(wire);
                    markAmbiguous(wire, recipients);
                    answer.completeExceptionally(new BrazeTransportException("Braze did not answer within 1000 ms", null, true));
                }, REQUEST_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                if (fate == Fate.ANSWER_AFTER_TIMEOUT) {
                    // Braze accepts it, and its answer comes after the client gave up waiting
                    time.schedule(() -> {
                        if (takeFromWindow()) {
                            acceptAtBraze(wire, recipients);
                        }
                    }, REQUEST_TIMEOUT_MILLIS + 1 + random.nextInt((int) (LATE_ANSWER_MAX_MILLIS - REQUEST_TIMEOUT_MILLIS)),
                            TimeUnit.MILLISECONDS);
                }
            }
        }
        return answer;
    }

    /**
     * Braze handles the request {@code there} ms after it was sent ({@code atBraze}, which says what the client gets);
     * the client gets it {@code back} ms later.
     */
    private void handle(Wire wire, long there, long back, Supplier<Runnable> atBraze) {
        time.schedule(() -> {
            Runnable arrival = atBraze.get();
            time.schedule(() -> {
                ended(wire);
                arrival.run();
            }, back, TimeUnit.MILLISECONDS);
        }, there, TimeUnit.MILLISECONDS);
    }

    private void answer(Wire wire, long there, long back, CompletableFuture<BrazeResponse> answer, int status, String body) {
        handle(wire, there, back, () -> {
            BrazeResponse response = response(status, body);
            return () -> answer.complete(response);
        });
    }

    private void ended(Wire wire) {
        wire.onWire--;
        onWire--;
    }

    private void acceptAtBraze(Wire wire, List<String> recipients) {
        for (String recipient : recipients) {
            acceptedAtBraze.computeIfAbsent(wire.stepOf.apply(recipient), s -> new HashMap<>()).merge(recipient, 1, Integer::sum);
        }
    }

    private void toldAccepted(Wire wire, List<String> recipients) {
        for (String recipient : recipients) {
            toldAccepted.computeIfAbsent(wire.stepOf.apply(recipient), s -> new HashSet<>()).add(recipient);
        }
    }

    private void markAmbiguous(Wire wire, List<String> recipients) {
        for (String recipient : recipients) {
            ambiguous.computeIfAbsent(wire.stepOf.apply(recipient), s -> new HashSet<>()).add(recipient);
        }
    }

    private boolean takeFromWindow() {
        if (limitPerWindow == 0) {
            return true;
        }
        rollWindow();
        if (usedInWindow >= limitPerWindow) {
            return false;
        }
        usedInWindow++;
        return true;
    }

    private void rollWindow() {
        if (time.now() >= windowEnd) {
            windowEnd = (time.now() / windowMillis + 1) * windowMillis;
            usedInWindow = 0;
        }
    }

    private BrazeResponse response(int status, String body) {
        Map<String, String> headers = new HashMap<>();
        if (limitPerWindow > 0 && status != 401) {
            rollWindow();
            headers.put("X-RateLimit-Limit", String.valueOf(limitPerWindow));
            headers.put("X-RateLimit-Remaining", String.valueOf(Math.max(0, limitPerWindow - usedInWindow)));
            headers.put("X-RateLimit-Reset", String.valueOf(windowEnd / 1000));
        }
        return new BrazeResponse(status, headers, body);
    }

    private Fate draw() {
        if (time.now() >= faultsEndAt) {
            return Fate.ACCEPT;
        }
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double at = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            at -= weights[i];
            if (at < 0) {
                return Fate.values()[i];
            }
        }
        return Fate.ACCEPT;
    }

    private List<String> recipientsOf(byte[] body) {
        try {
            JsonNode json = mapper.readTree(body);
            List<String> ids = new ArrayList<>();
            json.path("recipients").forEach(recipient -> ids.add(recipient.path("external_user_id").asText()));
            return ids;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the core sent a body that is not JSON", e);
        }
    }
}
