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
package io.camelbraze.trigger;

import java.util.Objects;

/**
 * One input record set aside by {@code invalidRecords=skip}: where it was, why Braze would refuse it, and the record as
 * received, so that a route can write it to a rejects file or a dead-letter queue
 * ({@code split(header("CamelBrazeRejectedRecords"))}).
 */
public final class RejectedRecord {

    private final long position;
    private final String field;
    private final String reason;
    private final Object record;

    public RejectedRecord(long position, String field, String reason, Object record) {
        this.position = position;
        this.field = field;
        this.reason = reason;
        this.record = record;
    }

    /** 0-based position of the record in the input (the list, the JSON array, the line of newline-delimited JSON). */
    public long getPosition() {
        return position;
    }

    /** The field at fault, e.g. {@code recipients[7].external_user_id}. */
    public String getField() {
        return field;
    }

    /** Why the record was refused, naming the field, e.g. {@code recipients[7]: exactly one of ... is required}. */
    public String getReason() {
        return reason;
    }

    /** The record as it was received (a Map, a POJO, a parsed JSON object). */
    public Object getRecord() {
        return record;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RejectedRecord that && position == that.position && Objects.equals(reason, that.reason)
               && Objects.equals(record, that.record);
    }

    @Override
    public int hashCode() {
        return Objects.hash(position, reason);
    }

    /** Position and reason only: the record may hold personal data. */
    @Override
    public String toString() {
        return "RejectedRecord[position=" + position + ", reason=" + reason + "]";
    }
}
