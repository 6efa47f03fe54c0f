package io.camelbraze.trigger.model;

import java.time.Instant;

/** The {@code after} / {@code before} comparisons that the time-based Connected Audience filters share. */
public interface TimeComparisons {

    /** {@code after} an ISO 8601 datetime string, passed through as given. */
    Audience after(String isoDateTime);

    /** {@code before} an ISO 8601 datetime string, passed through as given. */
    Audience before(String isoDateTime);

    /** {@code after} an instant, written as ISO 8601 in UTC. */
    default Audience after(Instant instant) {
        return after(instant.toString());
    }

    /** {@code before} an instant, written as ISO 8601 in UTC. */
    default Audience before(Instant instant) {
        return before(instant.toString());
    }
}
