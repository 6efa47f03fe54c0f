package io.camelbraze.trigger.quarkus.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** The signups route's dead letter: keeps each refused record's exception (an application would store or alert). */
@ApplicationScoped
public class RejectedSignups implements Processor {

    private final List<Exception> failures = new CopyOnWriteArrayList<>();

    @Override
    public void process(Exchange exchange) {
        failures.add(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
    }

    public List<Exception> failures() {
        return List.copyOf(failures);
    }

    public void clear() {
        failures.clear();
    }
}
