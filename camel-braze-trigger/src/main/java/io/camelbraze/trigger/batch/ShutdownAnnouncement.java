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
package io.camelbraze.trigger.batch;

import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Runs an action as soon as Camel announces that the context is stopping, before Camel waits for the exchanges in flight
 * (a producer is not among the services Camel prepares for shutdown, so it listens for the event instead). A route's own
 * stop is announced only after that wait; there, a gathering batch leaves when the request of its kind in flight ends.
 */
public final class ShutdownAnnouncement extends EventNotifierSupport {

    private final Runnable action;

    public ShutdownAnnouncement(Runnable action) {
        this.action = action;
        setIgnoreExchangeEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStoppingEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        action.run();
    }
}
