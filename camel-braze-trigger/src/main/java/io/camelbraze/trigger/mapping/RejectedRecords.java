package io.camelbraze.trigger.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.RejectedRecord;

/** Collects the records set aside by {@code invalidRecords=skip}, in input order. Thread-safe. */
public final class RejectedRecords {

    private final List<RejectedRecord> rejected = new ArrayList<>();

    public synchronized void add(long position, BrazeValidationException reason, Object record) {
        rejected.add(new RejectedRecord(position, reason.getField(), reason.getMessage(), record));
    }

    public synchronized int count() {
        return rejected.size();
    }

    public synchronized List<RejectedRecord> list() {
        return Collections.unmodifiableList(new ArrayList<>(rejected));
    }
}
