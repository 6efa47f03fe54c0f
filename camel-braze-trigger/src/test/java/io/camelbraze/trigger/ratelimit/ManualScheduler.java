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
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A single-threaded scheduler on a virtual clock, for deterministic tests: nothing runs until the test advances time.
 * {@link #execute} runs a task at the current virtual time, in order; {@link #schedule} runs it after a virtual delay.
 * <p>
 * Given a seeded {@link Random} it also interleaves, for the delivery simulation: tasks due at the same moment run in
 * an order drawn from it, and {@link #execute} stands for a hand-off to another thread, running the task after a drawn
 * hop of 0–2 virtual milliseconds. The same seed gives the same schedule.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final Random interleaving;
    private long now;
    private long sequence;
    private int executed;

    public ManualScheduler(long startMillis) {
        this(startMillis, null);
    }

    /** @param interleaving draws the order of tasks due together and the hops of {@link #execute}; null: in order */
    public ManualScheduler(long startMillis, Random interleaving) {
        this.now = startMillis;
        this.interleaving = interleaving;
    }

    public long now() {
        return now;
    }

    /** Tasks waiting to run (due or not). */
    public int pending() {
        return (int) queue.stream().filter(t -> !t.cancelled).count();
    }

    /** Tasks run so far. */
    int executed() {
        return executed;
    }

    /** Runs every task due at or before {@code millis}, in time order, moving the clock to each; ends at {@code millis}. */
    public void advanceTo(long millis) {
        while (!queue.isEmpty() && queue.peek().at <= millis) {
            runNext();
        }
        now = Math.max(now, millis);
    }

    public void advanceBy(long millis) {
        advanceTo(now + millis);
    }

    /** Runs what is due now (and what that makes due now). */
    void runDue() {
        advanceTo(now);
    }

    /** Runs the earliest task, moving the clock to its time; false if none is left. */
    public boolean runNext() {
        Task task = queue.poll();
        if (task == null) {
            return false;
        }
        now = Math.max(now, task.at);
        if (!task.cancelled) {
            task.done = true;
            executed++;
            task.runnable.run();
        }
        return true;
    }

    @Override
    public void execute(Runnable command) {
        add(command, interleaving == null ? 0 : interleaving.nextInt(3));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(command, unit.toMillis(delay));
    }

    private Task add(Runnable command, long delayMillis) {
        long order = interleaving == null ? sequence++ : interleaving.nextLong();
        Task task = new Task(now + Math.max(0, delayMillis), order, command);
        queue.add(task);
        return task;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    private final class Task implements ScheduledFuture<Object> {
        final long at;
        final long order;
        final Runnable runnable;
        boolean cancelled;
        boolean done;

        Task(long at, long order, Runnable runnable) {
            this.at = at;
            this.order = order;
            this.runnable = runnable;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(at - now, TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Task task = (Task) other;
            return at != task.at ? Long.compare(at, task.at) : Long.compare(order, task.order);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
