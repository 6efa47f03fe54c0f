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
