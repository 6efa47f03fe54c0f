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
