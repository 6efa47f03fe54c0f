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

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The event loop of one delivery: events posted from any thread (route, HTTP callbacks, timers, the pending-request
 * queue, the rate-limit bucket, the stop path) run one at a time, in the order posted, on the given executor. Posting
 * never runs an event on the caller's stack (but for a delivery's first event, see {@link #postAndRunHere}), so no event
 * handler runs inside another, and a handler that posts to another delivery's loop (giving back a place, say) never
 * runs that delivery's code on its own stack.
 * <p>
 * This is what lets a delivery keep its state without locks: only the running event touches it.
 */
final class EventLoop {

    private final Executor executor;
    private final Consumer<Throwable> onFailure;
    private final Queue<Runnable> events = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    /**
     * @param executor  runs the loop (the component's completion pool; the simulator's queue in tests)
     * @param onFailure told of anything an event throws, on the loop, before the next event runs
     */
    EventLoop(Executor executor, Consumer<Throwable> onFailure) {
        this.executor = executor;
        this.onFailure = onFailure;
    }

    void post(Runnable event) {
        events.add(event);
        if (pending.getAndIncrement() == 0) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException stopping) {
                // the component is stopping and its pool is gone: the events still have to run
                drain();
            }
        }
    }

    /**
     * Posts an event and, if the loop is idle, runs it (and whatever it posts) on the calling thread before returning:
     * for the first event of a delivery, on the route's thread, so that a request goes out without a thread hand-off.
     * The loop stays serial; a completion it reaches ends up on this thread's stack only if the caller is the route's
     * {@code process()} (see ExchangeCompletion), which then returns {@code true}.
     */
    void postAndRunHere(Runnable event) {
        events.add(event);
        if (pending.getAndIncrement() == 0) {
            drain();
        }
    }

    private void drain() {
        PendingRequests.runAsComponentThread(() -> {
            int missed = 1;
            while (true) {
                for (Runnable event; (event = events.poll()) != null; ) {
                    try {
                        event.run();
                    } catch (Throwable t) {
                        onFailure.accept(t);
                    }
                }
                missed = pending.addAndGet(-missed);
                if (missed == 0) {
                    return;
                }
            }
        });
    }
}
