package io.camelbraze.trigger.batch;

import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Runs an action as soon as Camel announces that the context or a route is stopping, before Camel waits for the exchanges
 * in flight (a producer is not among the services Camel prepares for shutdown, so it listens for the events instead).
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
        return event instanceof CamelEvent.CamelContextStoppingEvent || event instanceof CamelEvent.RouteStoppingEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        action.run();
    }
}
