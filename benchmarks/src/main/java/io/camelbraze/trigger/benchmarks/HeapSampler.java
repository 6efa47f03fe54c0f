package io.camelbraze.trigger.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The heap a run really holds: a daemon thread forces a full GC every {@code intervalMillis} and keeps the largest heap
 * in use right after it (the live set, garbage excluded). Also reads the JVM's own peak of heap in use (garbage
 * included, so mostly the garbage collector's sizing) from the heap pools' peak usage.
 */
final class HeapSampler {

    private final long intervalMillis;
    private volatile boolean running;
    private volatile long livePeak;
    private volatile int samples;
    private Thread thread;

    HeapSampler(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    /** Heap in use right after a full GC. */
    static long liveNow() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
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

    int samples() {
        return samples;
    }

    /** The first {@code lines} lines of the live objects' class histogram (as {@code jcmd <pid> GC.class_histogram}). */
    static String histogram(int lines) {
        try {
            javax.management.ObjectName name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
            String all = (String) ManagementFactory.getPlatformMBeanServer().invoke(name, "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return all.lines().limit(lines).reduce((a, b) -> a + System.lineSeparator() + b).orElse("");
        } catch (javax.management.JMException e) {
            return "(no class histogram: " + e + ")";
        }
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
