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
package io.camelbraze.trigger.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Scripts the fake's misbehaviour for the next requests. Thread-safe. Each method queues a fault for the next
 * {@code times} requests to a trigger endpoint (or only to one endpoint, see {@link #on(BrazeEndpoint)}); with
 * {@link #withProbability(double)} each request is hit with that probability until {@code times} faults were served.
 *
 * <pre>{@code
 * braze.script().rateLimited(2, 30);                 // two 429s, X-RateLimit-Reset 30 s ahead
 * braze.script().serverError(1, 503);                // then one 503
 * braze.script().on(BrazeEndpoint.CANVAS).pausedCanvas(1);
 * braze.script().withProbability(0.2).dropConnection(FaultScript.UNLIMITED);
 * braze.script().withProbability(0.02, new Random(7)).acceptThenDropConnection(FaultScript.UNLIMITED);
 * }</pre>
 *
 * Faults that replace the answer (429, 5xx, HTML 502, fatal errors, dropped connection) are served before authentication and
 * validation, like a proxy or an overloaded Braze would; {@link #delay} holds back whatever the answer is; faults that
 * decorate success ({@link #pausedCanvas}, {@link #archivedCanvas}, {@link #nonFatalErrors}, {@link #queued}) are
 * used up only by requests Braze would accept ({@link #acceptThenDropConnection} among them: it records the send, then
 * drops the connection). {@link FakeBraze#reset()} clears the script.
 */
public final class FaultScript {

    /** A {@code times} value that never runs out. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final Rules rules;
    private final BrazeEndpoint endpoint;
    private final double probability;
    private final Random random;

    FaultScript() {
        this(new Rules(), null, 1.0, null);
    }

    private FaultScript(Rules rules, BrazeEndpoint endpoint, double probability, Random random) {
        this.rules = rules;
        this.endpoint = endpoint;
        this.probability = probability;
        this.random = random;
    }

    /** A view of this script whose faults hit only requests to {@code endpoint}. */
    public FaultScript on(BrazeEndpoint endpoint) {
        return new FaultScript(rules, endpoint, probability, random);
    }

    /** A view of this script whose faults hit each matching request with probability {@code p} (0 to 1). */
    public FaultScript withProbability(double p) {
        return withProbability(p, null);
    }

    /** As {@link #withProbability(double)}, drawing from {@code random} (for reproducible tests). */
    public FaultScript withProbability(double p, Random random) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be between 0 and 1");
        }
        return new FaultScript(rules, endpoint, p, random);
    }

    /** 429 {@code {"message":"..."}} with {@code X-RateLimit-Remaining: 0} and a reset {@code resetInSeconds} ahead. */
    public FaultScript rateLimited(int times, long resetInSeconds) {
        return add(times, new ScriptedFault(ScriptedFault.Kind.RATE_LIMITED, 429, resetInSeconds, Duration.ZERO, List.of()));
    }

    /** A JSON 5xx answer with the given status (500 to 599). */
    public FaultScript serverError(int times, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("serverError needs a 5xx status");
        }
        return add(times, new ScriptedFault(ScriptedFault.Kind.SERVER_ERROR, status, 0, Duration.ZERO, List.of()));
    }

    /** A load balancer's 502 with an HTML body ({@code text/html}, no rate-limit headers). */
    public FaultScript badGatewayHtml(int times) {
        return add(times, ScriptedFault.of(ScriptedFault.Kind.HTML_BAD_GATEWAY));
    }

    /**
     * A fatal answer in Braze's documented shape, {@code {"message": message, "errors": [errors...]}}, with the given
     * status (400 to 599), e.g. {@code fatalErrors(1, 400, "Invalid request", "recipients[0] is unknown")}.
     */
    public FaultScript fatalErrors(int times, int status, String message, String... errors) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("fatalErrors needs a 4xx or 5xx status");
        }
        return add(times, new ScriptedFault(ScriptedFault.Kind.FATAL_ERRORS, status, 0, Duration.ZERO, List.of(errors), message));
    }

    /** Holds back the answer (whatever it is) by {@code delay}. */
    public FaultScript delay(int times, Duration delay) {
        return add(times, new ScriptedFault(ScriptedFault.Kind.DELAY, 0, 0, delay, List.of()));
    }

    /** Resets the connection before any response is written (WireMock {@code CONNECTION_RESET_BY_PEER}). */
    public FaultScript dropConnection(int times) {
        return add(times, ScriptedFault.of(ScriptedFault.Kind.CONNECTION_RESET));
    }

    /** Closes the connection without writing a response (WireMock {@code EMPTY_RESPONSE}). */
    public FaultScript emptyResponse(int times) {
        return add(times, ScriptedFault.of(ScriptedFault.Kind.EMPTY_RESPONSE));
    }

    /** An accepted Canvas send answers 201 with the paused-Canvas {@code notice} (braze-api.md §5.1). */
    public FaultScript pausedCanvas(int times) {
        return add(times, ScriptedFault.of(ScriptedFault.Kind.PAUSED_CANVAS));
    }

    /** An accepted Canvas send answers 201 with the archived-Canvas {@code notice} (braze-api.md §5.1). */
    public FaultScript archivedCanvas(int times) {
        return add(times, ScriptedFault.of(ScriptedFault.Kind.ARCHIVED_CANVAS));
    }

    /** An accepted send answers 201 with these non-fatal {@code errors[]}. */
    public FaultScript nonFatalErrors(int times, String... errors) {
        return add(times, new ScriptedFault(ScriptedFault.Kind.NON_FATAL_ERRORS, 0, 0, Duration.ZERO, List.of(errors)));
    }

    /**
     * The request is processed as Braze would and, when Braze would accept it, recorded as accepted (with its
     * {@code dispatch_id}, in {@link FakeBraze#requests()} and {@link FakeBraze#acceptedRecipients()}); then the
     * connection is reset instead of writing the answer. The client sees a dropped connection after its request was
     * written: an ambiguous failure whose send did happen. A request Braze would refuse keeps the fault for a later one.
     */
    public FaultScript acceptThenDropConnection(int times) {
        return add(times, ScriptedFault.of(ScriptedFault.Kind.ACCEPTED_THEN_DROPPED));
    }

    /** An accepted send answers the historic maintenance-mode {@code 202 {"message":"queued"}}. */
    public FaultScript queued(int times) {
        return add(times, ScriptedFault.of(ScriptedFault.Kind.QUEUED));
    }

    /** Drops every scripted fault. */
    public void clear() {
        rules.clear();
    }

    /** Takes the next fault of {@code phase} due for a request to {@code target}, if any. */
    Optional<ScriptedFault> next(ScriptedFault.Phase phase, BrazeEndpoint target) {
        return rules.next(phase, target);
    }

    private FaultScript add(int times, ScriptedFault fault) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        rules.add(new Rule(fault, endpoint, probability, random, times));
        return this;
    }

    private static final class Rule {
        final ScriptedFault fault;
        final BrazeEndpoint endpoint;
        final double probability;
        final Random random;
        int remaining;

        Rule(ScriptedFault fault, BrazeEndpoint endpoint, double probability, Random random, int remaining) {
            this.fault = fault;
            this.endpoint = endpoint;
            this.probability = probability;
            this.random = random;
            this.remaining = remaining;
        }

        boolean hits(ScriptedFault.Phase phase, BrazeEndpoint target) {
            if (fault.kind().phase != phase || (endpoint != null && endpoint != target)) {
                return false;
            }
            if (fault.kind().canvasOnly && target != BrazeEndpoint.CANVAS) {
                return false;
            }
            return probability >= 1.0 || (random == null ? ThreadLocalRandom.current() : random).nextDouble() < probability;
        }
    }

    private static final class Rules {
        private final List<Rule> list = new ArrayList<>();

        synchronized void add(Rule rule) {
            list.add(rule);
        }

        synchronized void clear() {
            list.clear();
        }

        synchronized Optional<ScriptedFault> next(ScriptedFault.Phase phase, BrazeEndpoint target) {
            for (Iterator<Rule> it = list.iterator(); it.hasNext(); ) {
                Rule rule = it.next();
                if (rule.hits(phase, target)) {
                    if (rule.remaining != UNLIMITED && --rule.remaining == 0) {
                        it.remove();
                    }
                    return Optional.of(rule.fault);
                }
            }
            return Optional.empty();
        }
    }
}
