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

import java.util.ArrayDeque;

/**
 * The component-wide bound on requests waiting or in flight ({@code maxPendingRequests}): it is what keeps a busy node's
 * memory flat when Braze slows down. Route threads that hand work to the component wait for room
 * ({@link #awaitRoom()}: back-pressure on the consumer); the component's own threads never block: a delivery asks for a
 * place with {@link #tryAcquire} and, when none is free, is handed one by a later {@link #release} through its
 * {@code whenGranted} callback, which only posts an event to the delivery's own event loop.
 */
public final class PendingRequests {

    private static final ThreadLocal<Boolean> COMPONENT_THREAD = new ThreadLocal<>();

    private final int max;
    private final ArrayDeque<Runnable> waiters = new ArrayDeque<>();
    private int inUse;

    /** @param max requests that may be waiting or in flight at once */
    public PendingRequests(int max) {
        this.max = max;
    }

    /** Marks the current thread as the component's own for the duration of {@code task}: it must never block here. */
    public static void runAsComponentThread(Runnable task) {
        if (COMPONENT_THREAD.get() != null) {
            task.run();
            return;
        }
        COMPONENT_THREAD.set(Boolean.TRUE);
        try {
            task.run();
        } finally {
            COMPONENT_THREAD.remove();
        }
    }

    /**
     * Blocks a route thread while the bound is reached. Returns at once on the component's own threads.
     *
     * @throws InterruptedException when the route thread is interrupted while waiting (e.g. a forced shutdown)
     */
    public synchronized void awaitRoom() throws InterruptedException {
        if (COMPONENT_THREAD.get() != null) {
            return;
        }
        while (inUse + waiters.size() >= max) {
            wait();
        }
    }

    /**
     * Takes a place now (true), or queues {@code whenGranted} (false), which a later {@link #release} calls once the place
     * is the caller's. It must be cheap and must not block: it hands the place to its owner's event loop.
     */
    public boolean tryAcquire(Runnable whenGranted) {
        synchronized (this) {
            if (inUse < max && waiters.isEmpty()) {
                inUse++;
                return true;
            }
            waiters.add(whenGranted);
            return false;
        }
    }

    /**
     * Withdraws a queued callback (its delivery stopped). True if it was still queued; false if the place was already
     * handed to it, in which case {@code whenGranted} has run or is running and the caller owns the place.
     */
    public synchronized boolean cancel(Runnable whenGranted) {
        boolean removed = waiters.remove(whenGranted);
        if (removed) {
            notifyAll();
        }
        return removed;
    }

    /** Gives a place back; the longest waiting callback, if any, gets it. */
    public void release() {
        Runnable next;
        synchronized (this) {
            next = waiters.poll();
            if (next == null) {
                if (inUse <= 0) {
                    throw new IllegalStateException("A pending-request place was given back twice");
                }
                inUse--;
            }
            notifyAll();
        }
        if (next != null) {
            next.run();
        }
    }

    public synchronized int inUse() {
        return inUse;
    }

    /** Deliveries waiting for a place. */
    public synchronized int waiting() {
        return waiters.size();
    }
}
