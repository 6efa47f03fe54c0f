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

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * What this node knows of one Braze rate-limit bucket (the targeted hourly bucket or the broadcast per-minute one) of one
 * workspace, learned from response headers, and the queue of senders waiting for it. Thread-safe; no Camel dependency.
 *
 * <h2>How a sender uses it</h2>
 * Before each HTTP request, call {@link #reserve(long, Runnable)}:
 * <ul>
 * <li>{@link Decision.Kind#GO GO}: send now. The decision carries a {@link Reservation}; report what became of the
 * request exactly once: {@link Reservation#update} (Braze answered, any status but 429), {@link Reservation#onRateLimited}
 * (Braze answered 429), {@link Reservation#release} (the request never reached Braze: connection refused, lease failure,
 * not sent at all) or {@link Reservation#unanswered} (it may have reached Braze but no answer will come: a timeout, a
 * connection dropped after the request was written). Later calls on the same reservation are ignored.</li>
 * <li>{@link Decision.Kind#WAIT WAIT}: a rate-limit wait. The budget this node may use is spent until
 * {@link Decision#waitMillis()} from now (a window reset). The caller decides whether it is willing to wait that long
 * (its {@code rateLimitMaxWait}, a total per request), schedules itself and calls {@code reserve} again then.</li>
 * <li>{@link Decision.Kind#PARKED PARKED}: not a rate-limit wait. The answer that decides is on its way (the first
 * request's answer while nothing is known, or answers to requests in flight that hold the last known budget). The bucket
 * keeps {@code wakeUp} and runs it, once, on the wake-up executor when it is worth asking again; the caller must then
 * call {@code reserve} again with the same {@code wakeUp} (on any thread) to keep its place in line, or
 * {@link #cancel} it when it gives up. It is never run inside the bucket's lock, nor recursively on a caller's
 * stack.</li>
 * </ul>
 *
 * <h2>How it is built</h2>
 * The bucket decides from three parts, each guarded by the bucket's lock (its monitor):
 * <ul>
 * <li>{@link RateLimitWindow}: window accounting, the budget (limit, remaining, reset, requests in flight, reservations
 * and their outcomes);</li>
 * <li>{@link WorkspaceShare}: this node's share of a workspace shared with other nodes, and the quota it allows in a
 * window (a node alone has a share of 1 and bursts at full speed);</li>
 * <li>{@link ParkedSenders}: the callers parked until an answer decides, the timer and the wake-ups.</li>
 * </ul>
 * Changes of state are made under the lock; the wake-ups they allow and the timer they need are taken out under it and
 * run after it is released.
 */
public final class RateLimitBucket {

    /** Reset headers have whole-second precision: wait a little past the second to land in the new window. */
    public static final long RESET_GUARD_MILLIS = 50;
    /** Wait after a 429 that carried no usable reset header, or when the reset is unknown and no answer is on its way. */
    static final long UNKNOWN_RESET_WAIT_MILLIS = 1000;
    /** While nothing is known, one request goes first; if its answer takes longer than this, one more goes. */
    static final long PROBE_TIMEOUT_MILLIS = 2000;
    /** Requests reserved in a window before its pace says whether the budget lasts to the reset. */
    static final int MIN_PACE_SAMPLE = 4;
    /** The smallest share of a window a node reserves (and its share while nothing is known): 1/16. */
    static final int MIN_SHARE_DIVISOR = 16;

    private final String name;
    private final WorkspaceShare share = new WorkspaceShare();
    private final RateLimitWindow window = new RateLimitWindow(share);
    private final ParkedSenders senders;

    /**
     * @param name    {@code targeted} or {@code broadcast}, for logs and snapshots
     * @param wakeUps runs parked callers' wake-ups (never the HTTP client's I/O threads); when it refuses a task, the
     *                wake-up runs on the thread that settled the answer, in a loop
     * @param timer   asked each time the bucket arms its one timer (a probe overdue, a reset, a periodic re-check while
     *                callers are parked), so that a scheduler replaced on restart is seen
     */
    public RateLimitBucket(String name, Executor wakeUps, Supplier<? extends ScheduledExecutorService> timer) {
        this.name = Objects.requireNonNull(name);
        this.senders = new ParkedSenders(this, Objects.requireNonNull(wakeUps), Objects.requireNonNull(timer), this::onTimer);
    }

    public String name() {
        return name;
    }

    /**
     * Asks to send one request now.
     *
     * @param nowMillis epoch milliseconds
     * @param wakeUp    run later if the decision is {@link Decision.Kind#PARKED}; it must call {@code reserve} again
     */
    public Decision reserve(long nowMillis, Runnable wakeUp) {
        Objects.requireNonNull(wakeUp, "wakeUp");
        Decision decision;
        List<Runnable> toWake;
        long arm;
        synchronized (this) {
            senders.seen(nowMillis);
            boolean woken = senders.cameBack(wakeUp);
            window.rollOver(nowMillis);
            decision = decide(nowMillis, woken);
            if (decision.kind() == Decision.Kind.PARKED) {
                senders.add(wakeUp, woken);
            }
            toWake = wakeable(nowMillis);
            arm = armTimer(nowMillis);
        }
        senders.schedule(arm);
        senders.dispatch(toWake);
        return decision;
    }

    /**
     * Withdraws a caller that gave up (e.g. its delivery stopped): parked, it leaves the line; woken and not back yet,
     * the unit promised to it goes to the next in line now. True if it was parked or woken.
     */
    public boolean cancel(Runnable wakeUp) {
        List<Runnable> toWake;
        long arm;
        boolean removed;
        synchronized (this) {
            removed = senders.remove(wakeUp);
            long now = senders.lastSeen();
            toWake = wakeable(now);
            arm = armTimer(now);
        }
        senders.schedule(arm);
        senders.dispatch(toWake);
        return removed;
    }

    /**
     * The requests per second this node may spend: what it may still reserve in the window (its share of the budget
     * left) plus its requests in flight, over the time to the reset; and no more than a window's whole budget over its
     * length, so that budget left over near a reset does not count as a faster pace. Between a reset and the first
     * answer of the new window, the whole budget over the length. Infinite while Braze does not pace (no rate-limit
     * headers seen) or neither is known.
     */
    public synchronized double budgetPerSecond(long nowMillis) {
        if (!window.pacing()) {
            return Double.POSITIVE_INFINITY;
        }
        long length = window.lengthMillis();
        double sustained = length > 0 ? window.limit() * 1000.0 / length : Double.POSITIVE_INFINITY;
        long resetAt = window.resetAt();
        if (resetAt <= nowMillis) {
            return sustained;
        }
        long room = reservable(nowMillis);
        return Math.min(sustained, (room + window.inFlight()) * 1000.0 / (resetAt - nowMillis));
    }

    /**
     * Whether the budget this node may use is tight: a request asking now would not go at once (callers wait in line,
     * the budget is spent or held by requests in flight), or at the pace this node has reserved requests in the current
     * window the rest of its budget would run out before the reset. Batching fills its requests while this holds.
     */
    public synchronized boolean budgetTight(long nowMillis) {
        if (!senders.isEmpty() || senders.wokenNotBack() > 0) {
            return true;
        }
        if (!window.pacing() || window.resetAt() <= nowMillis) {
            return false; // Braze does not pace, or a new window: the next answer tells its budget
        }
        if (evaluate(nowMillis).kind() != Decision.Kind.GO) {
            return true;
        }
        long elapsed = nowMillis - window.startedAt();
        long reserved = window.reservedInWindow();
        if (elapsed <= 0 || reserved < MIN_PACE_SAMPLE) {
            return false;
        }
        long room = reservable(nowMillis);
        return (double) reserved / elapsed * (window.resetAt() - nowMillis) > room;
    }

    /** A consistent copy for health checks, the dev console and tests. */
    public synchronized Snapshot snapshot() {
        long left = window.pacing() ? Math.max(0, window.free()) : -1;
        return new Snapshot(name, window.limit(), left, window.resetAt(), window.inFlight(), senders.size() + senders.wokenNotBack(),
                share.value());
    }

    private Decision decide(long now, boolean woken) {
        Verdict verdict = evaluate(now);
        if (verdict.kind() != Decision.Kind.GO) {
            return verdict.kind() == Decision.Kind.WAIT ? Decision.waitFor(verdict.amount()) : senders.park();
        }
        // callers already in line go first; a woken caller is one of them
        long ahead = woken ? 0 : senders.inLine();
        if (verdict.amount() <= ahead) {
            return senders.park();
        }
        return Decision.go(new Reservation(window.grant(now)));
    }

    /**
     * What the caller at the head of the line would be told now, without changing anything: GO (amount: how many may
     * go), WAIT (amount: milliseconds) or PARKED. {@link #decide} and {@link #wakeable} both follow it, so that a woken
     * caller is never parked again by the state that woke it.
     */
    private Verdict evaluate(long now) {
        if (!window.answered()) {
            // nothing known: one request goes first and its answer tells the budget, so that a burst of concurrent
            // sends cannot overdraw a window we know nothing about; if that answer is overdue, one more goes
            return window.mayProbe(now) ? new Verdict(Decision.Kind.GO, 1) : new Verdict(Decision.Kind.PARKED, 0);
        }
        long resetAt = window.resetAt();
        if (window.spent(now)) {
            return new Verdict(Decision.Kind.WAIT, resetAt - now + RESET_GUARD_MILLIS); // Braze said: spent
        }
        if (!window.pacing()) {
            return new Verdict(Decision.Kind.GO, Long.MAX_VALUE); // answers without rate-limit headers: Braze decides
        }
        long free = window.free();
        long room = reservable(now);
        if (room > 0) {
            return new Verdict(Decision.Kind.GO, room);
        }
        if (free <= 0 || resetAt == 0) {
            // all the budget we know of is reserved (or our share is, and the reset is not known yet): answers in flight
            // may show that some was not used, or tell the reset; with none in flight, wait for the reset
            if (window.inFlight() > 0) {
                return new Verdict(Decision.Kind.PARKED, 0);
            }
            if (resetAt == 0 && free > 0) {
                // budget is left as far as anyone knows, but not when the window resets, and no answer is on its way to
                // tell it: one request goes and its answer does (waiting would learn nothing)
                return new Verdict(Decision.Kind.GO, 1);
            }
            long wait = resetAt > now ? resetAt - now + RESET_GUARD_MILLIS : UNKNOWN_RESET_WAIT_MILLIS;
            return new Verdict(Decision.Kind.WAIT, wait);
        }
        // this node's share of the window is used up
        return share.whenUsedUp(now, window);
    }

    /** What this node may still reserve in the window: the budget left, within its share of it. Call with the lock held. */
    private long reservable(long now) {
        return Math.max(0, Math.min(window.free(), share.quotaLeft(now, window)));
    }

    /** Parked callers worth waking now, taken out of line. Call with the lock held. */
    private List<Runnable> wakeable(long now) {
        return senders.isEmpty() ? List.of() : senders.wakeable(evaluate(now), now);
    }

    /** The deadline to arm the timer for (0: none needed, or one is armed as early). Call with the lock held. */
    private long armTimer(long now) {
        return senders.armTimer(now, Math.min(window.nextChange(now), share.nextChange(now)));
    }

    private void onTimer(long deadline) {
        List<Runnable> toWake;
        long arm;
        synchronized (this) {
            long now = senders.timerFired(deadline);
            window.rollOver(now);
            toWake = wakeable(now);
            arm = armTimer(now);
        }
        senders.schedule(arm);
        senders.dispatch(toWake);
    }

    /**
     * @param limit            last {@code X-RateLimit-Limit}, -1 if unknown
     * @param remaining        requests left in the window after this node's requests in flight, -1 if unknown
     * @param resetEpochMillis when the window resets, 0 if unknown
     * @param inFlight         this node's requests sent and not yet answered
     * @param parked           callers parked until an answer arrives, or woken and not back yet
     * @param share            this node's estimated share of the workspace's requests (1: alone)
     */
    public record Snapshot(String bucket, long limit, long remaining, long resetEpochMillis, int inFlight, int parked,
                           double share) {
    }

    /** What {@link #reserve} decided. */
    public record Decision(Kind kind, long waitMillis, Reservation reservation) {

        public enum Kind {
            /** Send now; report the outcome on {@link #reservation()}. */
            GO,
            /** A rate-limit wait: ask again after {@link #waitMillis()}. */
            WAIT,
            /** Waiting for an answer, not for the rate limit: the wake-up will run. */
            PARKED
        }

        static final Decision PARKED = new Decision(Kind.PARKED, 0, null);

        static Decision go(Reservation reservation) {
            return new Decision(Kind.GO, 0, reservation);
        }

        static Decision waitFor(long millis) {
            return new Decision(Kind.WAIT, millis, null);
        }
    }

    /** What the caller at the head of the line would be told ({@code evaluate}): GO, WAIT or PARKED, and how much. */
    record Verdict(Decision.Kind kind, long amount) {
    }

    /** One granted request. Exactly one of its methods must be called; later calls are ignored. */
    public final class Reservation {

        private final long grantedInWindow;
        private boolean settled;

        private Reservation(long grantedInWindow) {
            this.grantedInWindow = grantedInWindow;
        }

        /** Braze answered (any status but 429): learn from the headers (case-insensitive map). */
        public void update(Map<String, String> headers, long nowMillis) {
            settle(RateLimitWindow.Outcome.ANSWERED, headers, nowMillis);
        }

        /**
         * Braze answered 429: the bucket is empty until the reset (or {@code Retry-After}, whichever is later).
         *
         * @return the epoch millisecond the caller should wait for (if this reservation was already settled, the
         *         bucket's current reset, or one {@value #UNKNOWN_RESET_WAIT_MILLIS} ms from now)
         */
        public long onRateLimited(Map<String, String> headers, long nowMillis) {
            return settle(RateLimitWindow.Outcome.RATE_LIMITED, headers, nowMillis);
        }

        /**
         * The request never reached Braze (connection refused, no connection leased, not sent at all): its unit goes
         * back to the window it was taken from, if that window is still the current one.
         */
        public void release(long nowMillis) {
            settle(RateLimitWindow.Outcome.NEVER_SENT, Map.of(), nowMillis);
        }

        /** The request may have reached Braze, but no answer will come (timeout, connection dropped after writing). */
        public void unanswered(long nowMillis) {
            settle(RateLimitWindow.Outcome.UNANSWERED, Map.of(), nowMillis);
        }

        private long settle(RateLimitWindow.Outcome outcome, Map<String, String> headers, long now) {
            List<Runnable> toWake;
            long arm;
            long until;
            synchronized (RateLimitBucket.this) {
                senders.seen(now);
                if (settled) {
                    return outcome == RateLimitWindow.Outcome.RATE_LIMITED ? window.retryAt(now) : 0;
                }
                settled = true;
                until = window.settle(grantedInWindow, outcome, headers, now);
                toWake = wakeable(now);
                arm = armTimer(now);
            }
            senders.schedule(arm);
            senders.dispatch(toWake);
            return until;
        }
    }
}
