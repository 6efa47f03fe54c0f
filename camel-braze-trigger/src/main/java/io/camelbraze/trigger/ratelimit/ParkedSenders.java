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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The senders parked on one {@link RateLimitBucket} ({@link RateLimitBucket.Decision.Kind#PARKED PARKED}: waiting for an
 * answer, not for the rate limit), in line, the bucket's one timer that has them looked at again, and how their wake-ups
 * run: each once, on the wake-up executor, never inside the bucket's lock, nor recursively on a caller's stack. A woken
 * caller that calls {@code reserve} again with the same wake-up keeps its place in line, on whatever thread it comes back
 * (a delivery hands the wake-up to its own event loop first); one woken to take a free unit is <em>promised</em> it until
 * it comes back, withdraws ({@link #remove}) or a re-check period passes.
 *
 * <p>Guarded by the bucket's lock: call with it held, except {@link #schedule} and {@link #dispatch}, which must be
 * called without it ({@code schedule} takes it where needed).
 */
final class ParkedSenders {

    /** Parked callers are looked at again at least this often, whatever happens. */
    static final long RECHECK_MILLIS = 2000;

    /** Wake-ups handed out on this thread, while it hands out others: run in a loop, not recursively. */
    private static final ThreadLocal<ArrayDeque<Runnable>> DISPATCHING = new ThreadLocal<>();

    private final Object lock;
    private final Executor wakeUps;
    private final Supplier<? extends ScheduledExecutorService> timer;
    private final LongConsumer onTimer;

    private final ArrayDeque<Runnable> parked = new ArrayDeque<>();
    // woken and not yet back: true when promised a free unit (identity: a wake-up is its caller's handle)
    private final Map<Runnable, Boolean> woken = new IdentityHashMap<>();
    private int promised;            // parked callers woken to take a free unit, not yet back
    private long promisedAt;
    private long timerAt;            // deadline of the armed timer, 0 if none
    private boolean timerRefused;    // the scheduler refused the timer (stopping): nobody is parked then
    private long lastNow;

    /**
     * @param lock    the bucket's lock
     * @param wakeUps runs wake-ups; when it refuses one, it runs on the thread that hands it out, in a loop
     * @param timer   asked each time the timer is armed, so that a scheduler replaced on restart is seen
     * @param onTimer called (without the lock) with the deadline of the timer that went off
     */
    ParkedSenders(Object lock, Executor wakeUps, Supplier<? extends ScheduledExecutorService> timer, LongConsumer onTimer) {
        this.lock = lock;
        this.wakeUps = wakeUps;
        this.timer = timer;
        this.onTimer = onTimer;
    }

    /**
     * A caller asks again: if it was woken, it is back (the unit promised to it, if any, is no longer held for it).
     *
     * @return whether it was woken (it then keeps its place at the head of the line)
     */
    boolean cameBack(Runnable wakeUp) {
        Boolean promise = woken.remove(wakeUp);
        if (promise == null) {
            return false;
        }
        if (promise && promised > 0) {
            promised--;
        }
        return true;
    }

    /** The latest time the bucket was told. */
    long lastSeen() {
        return lastNow;
    }

    /** Moves the clock on: the latest time the bucket was told. */
    void seen(long nowMillis) {
        lastNow = Math.max(lastNow, nowMillis);
    }

    /** Callers already in line: parked, or woken to take a free unit and not yet back. */
    long inLine() {
        return (long) promised + parked.size();
    }

    /** Parked, unless the bucket has no timer (stopping): then the caller is told to ask again later, on its own. */
    RateLimitBucket.Decision park() {
        return timerRefused ? RateLimitBucket.Decision.waitFor(RECHECK_MILLIS) : RateLimitBucket.Decision.PARKED;
    }

    /** Puts a parked caller in line: at its end, or at its head for a woken caller (it keeps its place). */
    void add(Runnable wakeUp, boolean woken) {
        if (woken) {
            parked.addFirst(wakeUp);
        } else {
            parked.addLast(wakeUp);
        }
    }

    /**
     * Withdraws a caller that gave up (its delivery stopped): parked, it leaves the line; woken and not back, the unit
     * promised to it is freed for the others at once instead of at the next re-check.
     *
     * @return true if it was parked or woken
     */
    boolean remove(Runnable wakeUp) {
        return parked.removeFirstOccurrence(wakeUp) || cameBack(wakeUp);
    }

    /** Callers woken and not yet back (promised or not). */
    int wokenNotBack() {
        return woken.size();
    }

    boolean isEmpty() {
        return parked.isEmpty();
    }

    int size() {
        return parked.size();
    }

    /**
     * Parked callers worth waking now (promised a unit when they are woken to take one), taken out of line.
     *
     * @param verdict what the caller at the head of the line would be told now
     */
    List<Runnable> wakeable(RateLimitBucket.Verdict verdict, long now) {
        int count;
        boolean promise = verdict.kind() == RateLimitBucket.Decision.Kind.GO;
        if (promise) {
            count = (int) Math.max(0, Math.min(parked.size(), verdict.amount() - promised));
        } else {
            // WAIT: each is told how long to wait and decides (its rateLimitMaxWait); PARKED: the answer is still awaited
            count = verdict.kind() == RateLimitBucket.Decision.Kind.WAIT ? parked.size() : 0;
        }
        if (count == 0) {
            return List.of();
        }
        List<Runnable> wake = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Runnable wakeUp = parked.pollFirst();
            woken.put(wakeUp, promise);
            wake.add(() -> runWoken(wakeUp));
        }
        if (promise) {
            promised += count;
            promisedAt = now;
        }
        return wake;
    }

    /**
     * The deadline to arm the timer for (0: none needed, or one is armed as early).
     *
     * @param changeAt when the bucket's state may change with no answer ({@code Long.MAX_VALUE}: not before an answer)
     */
    long armTimer(long now, long changeAt) {
        if (parked.isEmpty()) {
            return 0;
        }
        long deadline = Math.min(now + RECHECK_MILLIS, changeAt);
        if (timerAt != 0 && timerAt <= deadline && timerAt > now) {
            return 0;
        }
        timerAt = deadline;
        return deadline;
    }

    /** The timer armed for {@code deadline} went off: returns the time it stands for. */
    long timerFired(long deadline) {
        if (timerAt == deadline) {
            timerAt = 0;
        }
        long now = Math.max(lastNow, deadline);
        seen(now);
        if (now - promisedAt >= RECHECK_MILLIS) {
            promised = 0; // woken callers that did not come back within a re-check period have given up their turn
            woken.clear();
        }
        return now;
    }

    /** Arms the timer for {@link #armTimer}'s deadline (0: nothing to do). Call without the lock. */
    void schedule(long deadline) {
        if (deadline == 0) {
            return;
        }
        long delay;
        synchronized (lock) {
            delay = Math.max(0, deadline - lastNow);
        }
        try {
            timer.get().schedule(() -> onTimer.accept(deadline), delay, TimeUnit.MILLISECONDS);
            synchronized (lock) {
                timerRefused = false;
            }
        } catch (RuntimeException rejected) {
            // no scheduler (stopping): wake everyone now, so that no caller waits for a timer that will not come; they
            // are told to wait, not parked again (their own scheduling then fails and ends their delivery)
            List<Runnable> all = new ArrayList<>();
            synchronized (lock) {
                timerRefused = true;
                timerAt = 0;
                for (Runnable wakeUp : parked) {
                    woken.put(wakeUp, false);
                    all.add(() -> runWoken(wakeUp));
                }
                parked.clear();
            }
            dispatch(all);
        }
    }

    /** Runs wake-ups on the executor, outside any lock; nested hand-outs on one thread run in a loop, not recursively. */
    void dispatch(List<Runnable> wake) {
        if (wake.isEmpty()) {
            return;
        }
        ArrayDeque<Runnable> pending = DISPATCHING.get();
        boolean outermost = pending == null;
        if (outermost) {
            pending = new ArrayDeque<>();
            DISPATCHING.set(pending);
        }
        pending.addAll(wake);
        if (!outermost) {
            return;
        }
        try {
            Runnable next;
            while ((next = pending.poll()) != null) {
                try {
                    wakeUps.execute(next);
                } catch (RejectedExecutionException rejected) {
                    next.run();
                }
            }
        } finally {
            DISPATCHING.remove();
        }
    }

    private static void runWoken(Runnable wakeUp) {
        try {
            wakeUp.run();
        } catch (RuntimeException e) {
            // the caller's own failure handling is its business; one failing wake-up must not stop the others
        }
    }
}
