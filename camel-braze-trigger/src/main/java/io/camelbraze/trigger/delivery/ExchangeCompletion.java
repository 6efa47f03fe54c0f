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

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.AsyncCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's asynchronous contract for one exchange: {@code process()} returns {@code true} only if the exchange completed
 * on the calling thread (having called {@code done(true)}), otherwise {@code false}, and the callback is then called
 * {@code done(false)} exactly once, later. A delivery may end before {@code process()} has returned (a batch that fails at
 * once, a stop); this decides, whichever comes first, who calls the callback and how.
 */
public final class ExchangeCompletion {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeCompletion.class);

    private static final int STARTING = 0;
    private static final int RETURNED = 1;
    private static final int DONE_WHILE_STARTING = 2;
    private static final int DONE = 3;

    private final AsyncCallback callback;
    private final AtomicInteger state = new AtomicInteger(STARTING);

    public ExchangeCompletion(AsyncCallback callback) {
        this.callback = callback;
    }

    /**
     * {@code process()} is about to return: the value it must return. When the exchange was completed meanwhile, the
     * callback is called {@code done(true)} here, on the route's thread.
     */
    public boolean processReturning() {
        if (state.compareAndSet(STARTING, RETURNED)) {
            return false;
        }
        if (state.compareAndSet(DONE_WHILE_STARTING, DONE)) {
            callback.done(true);
            return true;
        }
        throw new IllegalStateException("process() returned twice for one exchange");
    }

    /**
     * The exchange is complete (its result or exception is set). Calls the callback {@code done(false)} if
     * {@code process()} has returned; otherwise leaves it to {@link #processReturning()}. A second call is a bug: it is
     * logged and ignored, never passed on to Camel.
     */
    public void done() {
        if (state.compareAndSet(STARTING, DONE_WHILE_STARTING)) {
            return;
        }
        if (state.compareAndSet(RETURNED, DONE)) {
            try {
                callback.done(false);
            } catch (Throwable t) {
                LOG.warn("A route callback failed after a braze-trigger delivery completed: {}", t.toString());
            }
            return;
        }
        LOG.error("A braze-trigger exchange was completed twice; the second completion was ignored",
                new IllegalStateException("completed twice"));
    }
}
