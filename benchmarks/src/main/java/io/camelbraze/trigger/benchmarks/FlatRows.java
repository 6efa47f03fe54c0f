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
package io.camelbraze.trigger.benchmarks;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A lazy source of flat records, as camel-csv with {@code lazyLoad} or a streaming JDBC query would give: row {@code i} is
 * {@code {id: "u<i>", order_id: "A-<i>", total: 42.5, name: "Customer <i>"}}, made when it is read and held by nobody
 * else. Read with {@code externalIdField=id&contextFields=order_id,total}.
 */
final class FlatRows implements Iterator<Map<String, Object>> {

    private final int count;
    private int next;

    FlatRows(int count) {
        this.count = count;
    }

    /** The same rows held in a list (a body in memory). */
    static List<Map<String, Object>> list(int count) {
        List<Map<String, Object>> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(row(i));
        }
        return rows;
    }

    static Map<String, Object> row(int i) {
        return Map.of("id", "u" + i, "order_id", "A-" + i, "total", 42.5, "name", "Customer " + i);
    }

    @Override
    public boolean hasNext() {
        return next < count;
    }

    @Override
    public Map<String, Object> next() {
        if (next >= count) {
            throw new NoSuchElementException();
        }
        return row(next++);
    }
}
