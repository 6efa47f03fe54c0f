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

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Heap allocated by the client side of the benchmark (Camel, component or camel-http, HTTP client): the sum of
 * {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes} over the long-lived threads, except the fake Braze's
 * Jetty threads ({@code qtp*}), which serve every variant alike, and the driver threads, which count their own
 * allocation with {@link #currentThread()} because they end before the second sample.
 */
final class Allocation {

    private static final com.sun.management.ThreadMXBean THREADS
            = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> before;

    private Allocation(Map<Long, Long> before) {
        this.before = before;
    }

    static Allocation start() {
        return new Allocation(sample());
    }

    long bytesSinceStart() {
        long total = 0;
        for (Map.Entry<Long, Long> now : sample().entrySet()) {
            total += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        }
        return total;
    }

    /** Bytes allocated so far by the calling thread. */
    static long currentThread() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    private static Map<Long, Long> sample() {
        Map<Long, Long> bytes = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("qtp") || thread.getName().startsWith(Driver.THREAD_PREFIX)) {
                continue;
            }
            long allocated = THREADS.getThreadAllocatedBytes(thread.getId());
            if (allocated >= 0) {
                bytes.put(thread.getId(), allocated);
            }
        }
        return bytes;
    }
}
