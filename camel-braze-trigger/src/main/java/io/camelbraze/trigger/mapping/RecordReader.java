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

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The records of a bulk body (an {@code Iterator}, a {@code Stream}, a JSON array or newline-delimited JSON in a stream,
 * file or text), read one at a time: only the record being mapped is held, however long the input. Closing it closes the
 * underlying stream or file.
 */
public final class RecordReader implements Iterator<Object>, AutoCloseable {

    private final Iterator<?> records;
    private final AutoCloseable resource;
    private Object pushedBack;
    private boolean hasPushedBack;

    RecordReader(Iterator<?> records, AutoCloseable resource) {
        this.records = records;
        this.resource = resource;
    }

    /** A reader that first returns {@code first}, then the rest. */
    static RecordReader startingWith(Object first, Iterator<?> rest, AutoCloseable resource) {
        RecordReader reader = new RecordReader(rest, resource);
        reader.pushedBack = first;
        reader.hasPushedBack = true;
        return reader;
    }

    @Override
    public boolean hasNext() {
        return hasPushedBack || records.hasNext();
    }

    @Override
    public Object next() {
        if (hasPushedBack) {
            hasPushedBack = false;
            Object first = pushedBack;
            pushedBack = null;
            return first;
        }
        if (!records.hasNext()) {
            throw new NoSuchElementException();
        }
        return records.next();
    }

    @Override
    public void close() {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            // the records were read (or the read failed and is reported); a failing close loses nothing
        }
    }
}
