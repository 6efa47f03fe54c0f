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
package io.camelbraze.trigger.mapping;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.model.Recipient;

/**
 * The recipients of one exchange, mapped and validated one record at a time from the body's records. An invalid record
 * either fails the read ({@code invalidRecords=fail}) or is set aside in {@link RejectedRecords} ({@code skip}); it is
 * never dropped silently.
 */
public final class RecipientSource implements AutoCloseable {

    /** Maps and validates one record; throws {@link BrazeValidationException} naming the field and position. */
    @FunctionalInterface
    public interface RecordMapping {
        Recipient map(Object record, int position);
    }

    private final Iterator<?> records;
    private final RecordMapping mapping;
    private final RejectedRecords rejects;
    private final boolean streamed;
    private int position;

    /**
     * @param records  the records as received
     * @param mapping  record to validated recipient
     * @param rejects  where invalid records go; {@code null} to fail on the first one
     * @param streamed whether the records are read lazily from a stream (not held in memory)
     */
    public RecipientSource(Iterator<?> records, RecordMapping mapping, RejectedRecords rejects, boolean streamed) {
        this.records = records;
        this.mapping = mapping;
        this.rejects = rejects;
        this.streamed = streamed;
    }

    /** Recipients already mapped and validated (a body read whole, a merged batch). */
    public static RecipientSource inMemory(List<Recipient> recipients) {
        return new RecipientSource(recipients.iterator(), (record, position) -> (Recipient) record, null, false);
    }

    /** The next valid recipient, or {@code null} when the records are exhausted. */
    public Recipient next() {
        while (records.hasNext()) {
            Object record = records.next();
            int at = position++;
            try {
                return mapping.map(record, at);
            } catch (BrazeValidationException invalid) {
                if (rejects == null) {
                    throw invalid;
                }
                rejects.add(at, invalid, record);
            }
        }
        return null;
    }

    /** Whether a body held in memory has no record left (a streamed one is not asked: that could block on a read). */
    public boolean drained() {
        return !streamed && !records.hasNext();
    }

    /** Every remaining valid recipient (for bodies already in memory: validates all before anything is sent). */
    public List<Recipient> readAll() {
        List<Recipient> all = new ArrayList<>();
        for (Recipient recipient = next(); recipient != null; recipient = next()) {
            all.add(recipient);
        }
        if (position == 0) {
            throw new BrazeValidationException("body", "the input holds no recipients; nothing to send");
        }
        return all;
    }

    /**
     * Counts the records not yet read, without mapping them (after a failure, to report what was not sent). A streamed
     * input is not read further (it may be a large file or a database cursor): its unread rest counts as 0.
     */
    public int countRemaining() {
        if (streamed) {
            return 0;
        }
        int remaining = 0;
        try {
            while (records.hasNext()) {
                records.next();
                remaining++;
            }
        } catch (RuntimeException unreadable) {
            // the rest of the input cannot be read: what was counted is what is known
        }
        return remaining;
    }

    /** Records read so far, valid or not. */
    public int recordsRead() {
        return position;
    }

    public boolean isStreamed() {
        return streamed;
    }

    @Override
    public void close() {
        if (records instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // nothing is lost by a failing close: every record was read or reported
            }
        }
    }
}
