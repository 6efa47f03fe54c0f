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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelbraze.trigger.BrazeTransportException;
import io.camelbraze.trigger.http.BrazeHttpClient;
import io.camelbraze.trigger.http.BrazeResponse;
import io.camelbraze.trigger.ratelimit.ManualScheduler;

/**
 * Braze and the network for the delivery simulation: each request's fate is drawn from the seed — accepted (201), 400,
 * 401, 429 (with the workspace window's reset), 500/503, 504 (accepted or not), connection refused, dropped after Braze
 * accepted, timed out, answered after the timeout — and answered on {@link ManualScheduler} after a drawn latency. A
 * workspace window (a limit per second, or no rate-limit headers at all) answers 429 when spent, as Braze does.
 * <p>
 * It keeps the truth the invariants are checked against: per route step (an exchange's send to one target), which
 * recipients Braze accepted, which of those the client was told of (2xx), which were in requests whose end the client
 * could not know (ambiguous), and which requests of each delivery are still on the wire.
 */
final class SimulatedBraze {

    enum Fate { ACCEPT, BAD_REQUEST, UNAUTHORIZED, RATE_LIMITED, SERVER_ERROR, GATEWAY_TIMEOUT, REFUSED, DROPPED_AFTER_ACCEPT,
        TIMEOUT, ANSWER_AFTER_TIMEOUT }

    static final long REQUEST_TIMEOUT_MILLIS = 1000;

    private final ManualScheduler time;
    private final Random random;
    private final double[] weights;
    private final int limitPerSecond; // 0: Braze sends no rate-limit headers
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

    SimulatedBraze(ManualScheduler time, Random random, double[] weights, int limitPerSecond, List<String> log) {
        this.time = time;
        this.random = random;
        this.weights = weights;
        this.limitPerSecond = limitPerSecond;
        this.log = log;
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
        long latency = 1 + random.nextInt(300);
        CompletableFuture<BrazeResponse> answer = new CompletableFuture<>();
        wire.onWire++;
        log.add(time.now() + " " + wire.name + " posts " + recipients.size() + " recipient(s): " + fate);
        Runnable ended = () -> wire.onWire--;
        switch (fate) {
            case ACCEPT -> time.schedule(() -> {
                ended.run();
                if (!takeFromWindow()) {
                    answer.complete(response(429, "{\"message\":\"rate limited\"}"));
                    return;
                }
                accept(wire, recipients, false);
                answer.complete(response(201, "{\"dispatch_id\":\"d" + requests + "\",\"message\":\"success\"}"));
            }, latency, TimeUnit.MILLISECONDS);
            case BAD_REQUEST -> answerLater(wire, answer, latency, 400, "{\"message\":\"Canvas does not exist\"}");
            case UNAUTHORIZED -> answerLater(wire, answer, latency, 401, "{\"message\":\"Invalid API key: key\"}");
            case RATE_LIMITED -> time.schedule(() -> {
                ended.run();
                usedInWindow = Math.max(usedInWindow, limitPerSecond); // another node spent the window
                answer.complete(response(429, "{\"message\":\"rate limited\"}"));
            }, latency, TimeUnit.MILLISECONDS);
            case SERVER_ERROR -> answerLater(wire, answer, latency, random.nextBoolean() ? 500 : 503, "{\"message\":\"oops\"}");
            case GATEWAY_TIMEOUT -> time.schedule(() -> {
                ended.run();
                if (random.nextBoolean() && takeFromWindow()) {
                    accept(wire, recipients, true);
                }
                markAmbiguous(wire, recipients);
                answer.complete(response(504, "<html>gateway timeout</html>"));
            }, latency, TimeUnit.MILLISECONDS);
            case REFUSED -> time.schedule(() -> {
                ended.run();
                answer.completeExceptionally(new BrazeTransportException("Connection refused", null, false));
            }, 1, TimeUnit.MILLISECONDS);
            case DROPPED_AFTER_ACCEPT -> time.schedule(() -> {
                ended.run();
                if (takeFromWindow()) {
                    accept(wire, recipients, true);
                }
                markAmbiguous(wire, recipients);
                answer.completeExceptionally(new BrazeTransportException("Connection reset", null, true));
            }, latency, TimeUnit.MILLISECONDS);
            case TIMEOUT, ANSWER_AFTER_TIMEOUT -> {
                time.schedule(() -> {
                    ended.run();
                    markAmbiguous(wire, recipients);
                    answer.completeExceptionally(new BrazeTransportException("Braze did not answer within 1000 ms", null, true));
                }, REQUEST_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                if (fate == Fate.ANSWER_AFTER_TIMEOUT) {
                    // Braze accepts it, and its answer comes after the client gave up waiting
                    time.schedule(() -> {
                        if (takeFromWindow()) {
                            accept(wire, recipients, true);
                        }
                    }, REQUEST_TIMEOUT_MILLIS + 1 + random.nextInt(2000), TimeUnit.MILLISECONDS);
                }
            }
        }
        return answer;
    }

    private void answerLater(Wire wire, CompletableFuture<BrazeResponse> answer, long latency, int status, String body) {
        time.schedule(() -> {
            wire.onWire--;
            answer.complete(response(status, body));
        }, latency, TimeUnit.MILLISECONDS);
    }

    private void accept(Wire wire, List<String> recipients, boolean ambiguously) {
        for (String recipient : recipients) {
            String step = wire.stepOf.apply(recipient);
            acceptedAtBraze.computeIfAbsent(step, s -> new HashMap<>()).merge(recipient, 1, Integer::sum);
            if (!ambiguously) {
                toldAccepted.computeIfAbsent(step, s -> new HashSet<>()).add(recipient);
            }
        }
    }

    private void markAmbiguous(Wire wire, List<String> recipients) {
        for (String recipient : recipients) {
            ambiguous.computeIfAbsent(wire.stepOf.apply(recipient), s -> new HashSet<>()).add(recipient);
        }
    }

    private boolean takeFromWindow() {
        if (limitPerSecond == 0) {
            return true;
        }
        rollWindow();
        if (usedInWindow >= limitPerSecond) {
            return false;
        }
        usedInWindow++;
        return true;
    }

    private void rollWindow() {
        if (time.now() >= windowEnd) {
            windowEnd = (time.now() / 1000 + 1) * 1000;
            usedInWindow = 0;
        }
    }

    private BrazeResponse response(int status, String body) {
        Map<String, String> headers = new HashMap<>();
        if (limitPerSecond > 0 && status != 401) {
            rollWindow();
            headers.put("X-RateLimit-Limit", String.valueOf(limitPerSecond));
            headers.put("X-RateLimit-Remaining", String.valueOf(Math.max(0, limitPerSecond - usedInWindow)));
            headers.put("X-RateLimit-Reset", String.valueOf(windowEnd / 1000));
        }
        return new BrazeResponse(status, headers, body);
    }

    private Fate draw() {
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
