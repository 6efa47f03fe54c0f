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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.camelbraze.trigger.test.FakeBraze;

/**
 * The benchmark module's entry point: runs the scenarios named by the system property {@code bench.scenario}
 * (comma-separated; default {@code throughput}):
 * <ul>
 *   <li>{@code throughput}: {@link TriggerBenchmark}, records per second, one record per exchange;</li>
 *   <li>{@code stream}: {@link StreamScenario}, 100 k and 1 M rows through one exchange in {@code -Xmx256m};</li>
 *   <li>{@code split}: {@link BulkScenarios#sequentialSplit}, a sequential split, {@code batchSize=50} vs 1;</li>
 *   <li>{@code senders}: {@link BulkScenarios#concurrentSenders}, 32 concurrent senders, {@code batchSize=50} vs 1;</li>
 *   <li>{@code slow}: {@link BulkScenarios#slowBraze}, one exchange of 10,000 with Braze answering in 50 ms;</li>
 *   <li>{@code bulk}: the four above;</li>
 *   <li>{@code latency}: {@link LatencyScenario}, senders and bulk sends with Braze answering in 100 ms (and 300 ms under
 *   a budget), beside the limit of each setup;</li>
 *   <li>{@code soak}: {@link SoakScenario}, the route-level chaos soak at 100,000 exchanges.</li>
 * </ul>
 * The bulk scenarios share one fake Braze (rate limit lifted) that counts what it accepts instead of keeping it, and
 * print a summary table at the end.
 */
public final class Benchmarks {

    private static final List<String> BULK = List.of("stream", "split", "senders", "slow");

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> scenarios = new LinkedHashSet<>();
        for (String s : System.getProperty("bench.scenario", "throughput").split(",")) {
            String name = s.trim().toLowerCase(Locale.ROOT);
            if (name.equals("bulk")) {
                scenarios.addAll(BULK);
            } else if (name.equals("throughput") || name.equals("latency") || name.equals("soak") || BULK.contains(name)) {
                scenarios.add(name);
            } else {
                throw new IllegalArgumentException("Unknown bench.scenario '" + s + "': use throughput, bulk, latency, soak or one of " + BULK);
            }
        }
        if (scenarios.remove("throughput")) {
            TriggerBenchmark.main(args);
        }
        if (scenarios.isEmpty()) {
            return;
        }
        Summary summary = new Summary();
        if (scenarios.remove("latency")) {
            // its rows bring their own fakes: each with its latency and budget
            new LatencyScenario(summary).run();
        }
        if (scenarios.remove("soak")) {
            SoakScenario.run(summary);
        }
        if (scenarios.isEmpty()) {
            summary.print();
            return;
        }
        System.out.printf(Locale.ROOT, "%nbraze-trigger bulk benchmark: %d cores, Java %s, %s, load average %.1f; scenarios %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), System.getProperty("os.name"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), scenarios);
        RequestCounter counter = new RequestCounter();
        // no rate limit in the way, and nothing kept per request: the fake counts what it accepts
        FakeBraze braze = FakeBraze.builder().rateLimited(Integer.MAX_VALUE, Duration.ofHours(1)).journalTo(counter).build()
                .start();
        List<String> failed = new ArrayList<>();
        try (BulkScenarios bulk = new BulkScenarios(braze, counter, summary)) {
            for (String scenario : scenarios) {
                long began = System.nanoTime();
                try {
                    switch (scenario) {
                        case "stream" -> StreamScenario.run(braze, counter, summary);
                        case "split" -> bulk.sequentialSplit();
                        case "senders" -> bulk.concurrentSenders();
                        default -> bulk.slowBraze();
                    }
                } catch (Exception e) {
                    failed.add(scenario + ": " + e);
                    e.printStackTrace(System.out);
                }
                System.out.printf(Locale.ROOT, "(%s took %.0f s; load average %.1f on %d cores)%n", scenario,
                        (System.nanoTime() - began) / 1e9, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        Runtime.getRuntime().availableProcessors());
            }
        } finally {
            braze.stop();
        }
        summary.print();
        failed.forEach(f -> System.out.println("FAILED " + f));
    }
}
