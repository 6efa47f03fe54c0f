package io.camelbraze.trigger;

/** What the producer does with a record Braze would refuse (option {@code invalidRecords}). */
public enum InvalidRecords {
    /** Fail the exchange with BrazeValidationException (before anything is sent, for a body held in memory). */
    fail,
    /** Send the valid records; list each invalid one in the header CamelBrazeRejectedRecords. */
    skip
}
