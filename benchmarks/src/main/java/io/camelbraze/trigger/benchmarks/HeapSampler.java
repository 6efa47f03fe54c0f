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
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The heap a run really holds: a daemon thread takes the live objects' class histogram (a full GC, then every object
 * still reachable, counted) every {@code intervalMillis} and keeps the largest total: the live set, garbage excluded.
 * The histogram's total is used rather than the heap in use after a {@code System.gc()}, which G1 counts by regions
 * (a partly filled or humongous region counts whole) and which therefore wanders by megabytes from one sample to the
 * next with the same live objects. Also reads the JVM's own peak of heap in use (garbage included, so mostly the garbage
 * collector's sizing) from the heap pools' peak usage.
 */
final class HeapSampler {

    private final long intervalMillis;
    private volatile boolean running;
    private volatile long livePeak;
    private volatile int samples;
    private final int peakHistogramLines;
    private volatile String peakHistogram = "";
    private Thread thread;

    HeapSampler(long intervalMillis) {
        this(intervalMillis, 0);
    }

    /** @param peakHistogramLines lines of the class histogram to keep from the sample with the highest live heap (0: none) */
    HeapSampler(long intervalMillis, int peakHistogramLines) {
        this.intervalMillis = intervalMillis;
        this.peakHistogramLines = peakHistogramLines;
    }

    /** Bytes of the objects alive now (the class histogram's total; the heap in use after a full GC without one). */
    static long liveNow() {
        String histogram = fullHistogram();
        if (histogram != null) {
            String last = histogram.strip().lines().reduce((a, b) -> b).orElse("");
            String[] fields = last.trim().split("\\s+");
            if (fields.length == 3 && "Total".equals(fields[0])) {
                return Long.parseLong(fields[2]);
            }
        }
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String fullHistogram() {
        try {
            javax.management.ObjectName name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(name, "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (javax.management.JMException e) {
            return null;
        }
    }

    void start() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        running = true;
        thread = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
                if (running) {
                    long live = liveNow();
                    if (live > livePeak && peakHistogramLines > 0) {
                        peakHistogram = histogram(peakHistogramLines);
                    }
                    livePeak = Math.max(livePeak, live);
                    samples++;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }

    long livePeak() {
        return livePeak;
    }

    /** The class histogram taken at the highest sample, when asked for. */
    String peakHistogram() {
        return peakHistogram;
    }

    int samples() {
        return samples;
    }

    /** The first {@code lines} lines of the live objects' class histogram (as {@code jcmd <pid> GC.class_histogram}). */
    static String histogram(int lines) {
        String all = fullHistogram();
        if (all == null) {
            return "(no class histogram)";
        }
        return all.lines().limit(lines).reduce((a, b) -> a + System.lineSeparator() + b).orElse("");
    }

    /** Sum of the heap pools' peak usage since {@link #start()} (pools peak at different times: an upper bound). */
    static long poolPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
