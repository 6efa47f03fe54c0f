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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * The load: {@code threads} threads, each sending one record per exchange synchronously through a ProducerTemplate to
 * an endpoint for a fixed time. Each record is one recipient with a small Canvas context.
 */
final class Driver {

    static final String THREAD_PREFIX = "bench-driver-";

    private final ProducerTemplate template;
    private final int threads;
    private final AtomicLong sequence = new AtomicLong();

    Driver(ProducerTemplate template, int threads) {
        this.template = template;
        this.threads = threads;
    }

    /** Records per second, errors and client-side allocation of one run. */
    record Result(double recordsPerSecond, long records, long errors, double bytesPerRecord, String firstError) {
    }

    Result run(String uri, long millis) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong driverBytes = new AtomicLong();
        List<String> firstError = new ArrayList<>(1);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>(threads);
        long[] deadline = new long[1];
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long allocatedAtStart = Allocation.currentThread();
                while (System.nanoTime() < deadline[0]) {
                    long n = sequence.incrementAndGet();
                    Map<String, Object> record = Map.of("external_user_id", "user-" + n,
                            "context", Map.of("order_id", "A-" + n, "total", 42.5));
                    Exchange exchange = template.request(uri, e -> e.getMessage().setBody(record));
                    if (exchange.getException() == null) {
                        done.incrementAndGet();
                    } else if (errors.incrementAndGet() == 1) {
                        synchronized (firstError) {
                            firstError.add(String.valueOf(exchange.getException()));
                        }
                    }
                }
                driverBytes.addAndGet(Allocation.currentThread() - allocatedAtStart);
            }, THREAD_PREFIX + i);
            workers.add(worker);
            worker.start();
        }
        Allocation allocation = Allocation.start();
        long began = System.nanoTime();
        deadline[0] = began + millis * 1_000_000L;
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - began;
        long bytes = allocation.bytesSinceStart() + driverBytes.get();
        long records = done.get();
        return new Result(records / (elapsed / 1e9), records, errors.get(), records == 0 ? 0 : (double) bytes / records,
                firstError.isEmpty() ? null : firstError.get(0));
    }
}
