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
 * Time and scheduling for the delivery simulation: one thread, a virtual clock, and a queue of tasks ordered by time and
 * then by a number drawn from the seed, so that tasks due at the same moment (two deliveries' events, an answer and a
 * timer) run in an order the seed chooses. {@link #execute} stands for a hand-off to another thread: it runs the task
 * after a hop of 0–2 virtual milliseconds, also drawn from the seed. The same seed gives the same schedule.
 */
final class SimulatedTime extends AbstractExecutorService implements ScheduledExecutorService {

    private final Random random;
    private final PriorityQueue<Task> queue = new PriorityQueue<>(SimulatedTime::inOrder);
    private long now;
    private long order;
    private long executed;

    SimulatedTime(long startMillis, Random random) {
        this.now = startMillis;
        this.random = random;
    }

    long now() {
        return now;
    }

    long executed() {
        return executed;
    }

    /** Tasks not cancelled and not yet run. */
    int pendingTasks() {
        int pending = 0;
        for (Task task : queue) {
            if (!task.cancelled) {
                pending++;
            }
        }
        return pending;
    }

    /** Runs the next task, moving the clock to its time; false when none is left or the next is after {@code until}. */
    boolean runNext(long until) {
        Task task;
        while ((task = queue.peek()) != null && task.cancelled) {
            queue.poll();
        }
        if (task == null || task.at > until) {
            return false;
        }
        queue.poll();
        now = Math.max(now, task.at);
        task.done = true;
        executed++;
        task.runnable.run();
        return true;
    }

    @Override
    public void execute(Runnable command) {
        add(command, random.nextInt(3));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(command, unit.toMillis(delay));
    }

    private Task add(Runnable command, long delayMillis) {
        Task task = new Task(now + Math.max(0, delayMillis), random.nextLong(), order++, command);
        queue.add(task);
        return task;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the delivery core");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the delivery core");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the delivery core");
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

    private static int inOrder(Task one, Task other) {
        int byTime = Long.compare(one.at, other.at);
        if (byTime != 0) {
            return byTime;
        }
        int byDraw = Long.compare(one.tieBreak, other.tieBreak);
        return byDraw != 0 ? byDraw : Long.compare(one.sequence, other.sequence);
    }

    private final class Task implements ScheduledFuture<Object> {
        final long at;
        final long tieBreak;
        final long sequence;
        final Runnable runnable;
        boolean cancelled;
        boolean done;

        Task(long at, long tieBreak, long sequence, Runnable runnable) {
            this.at = at;
            this.tieBreak = tieBreak;
            this.sequence = sequence;
            this.runnable = runnable;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(at - now, TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done || cancelled) {
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
