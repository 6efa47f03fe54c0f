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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.camelbraze.trigger.test.FakeBraze;

/**
 * Issue 9 item 1: flat-record rows as a lazy {@code Iterator} through ONE exchange, in a JVM limited to
 * {@code -Xmx256m} (one forked JVM per run, see {@link StreamRun}); the fake Braze stays in this JVM and only counts. For
 * each row count, the component ({@code externalIdField=id&contextFields=order_id,total}, default
 * {@code maxConcurrentRequests=8}) and the camel-http + Jackson baseline (a sequential streaming split in groups of 50)
 * run side by side, alternating, {@code repeats} times each. A run passes when the fake accepted every row exactly once,
 * in requests of at most 50. Reported per route and row count: the best elapsed time and the least client CPU of the
 * repeats (the machine is shared: the best is the least disturbed), and the highest live heap peak.
 * <p>
 * System properties: {@code bench.stream.rows} (default {@code 100000,1000000}), {@code bench.stream.routes}
 * ({@code component,file,baseline}), {@code bench.stream.repeats} (2), {@code bench.stream.heap} ({@code 256m}),
 * {@code bench.heapSampleMillis} (500), {@code bench.stream.histogram} (lines of the class histogram to print, taken
 * at the run's highest live-heap sample and after the exchange; default 0: none).
 */
final class StreamScenario {

    private static final String NAME = "1. streamed body, one exchange";

    private StreamScenario() {
    }

    /** The repeats of one route at one row count, combined. */
    private record Figures(String route, int rows, long millis, long cpuMillis, long idle, long livePeak, long retained,
                           long requests, boolean complete) {

        double seconds() {
            return millis / 1000.0;
        }

        Figures combine(Figures other) {
            return new Figures(route, rows, Math.min(millis, other.millis), Math.min(cpuMillis, other.cpuMillis),
                    Math.max(idle, other.idle), Math.max(livePeak, other.livePeak), Math.max(retained, other.retained),
                    Math.max(requests, other.requests), complete && other.complete);
        }
    }

    static void run(FakeBraze braze, RequestCounter counter, Summary summary) throws Exception {
        List<Integer> rowCounts = new ArrayList<>();
        for (String n : System.getProperty("bench.stream.rows", "100000,1000000").split(",")) {
            rowCounts.add(Integer.parseInt(n.trim()));
        }
        String[] routes = System.getProperty("bench.stream.routes", "component,file,baseline").split(",");
        int repeats = Integer.getInteger("bench.stream.repeats", 2);
        String heap = System.getProperty("bench.stream.heap", "256m");
        long sampleMillis = Long.getLong("bench.heapSampleMillis", 500);
        int histogram = Integer.getInteger("bench.stream.histogram", 0);
        System.out.printf(Locale.ROOT, "%n== %s: lazy Iterator of flat records, each run in its own JVM with -Xmx%s, %d"
                                       + " alternating runs per route; live heap (class histogram) sampled every %d ms"
                                       + " ==%n", NAME, heap, repeats, sampleMillis);

        Map<String, Figures> results = new LinkedHashMap<>();
        for (int rows : rowCounts) {
            for (int repeat = 0; repeat < repeats; repeat++) {
                for (String route : routes) {
                    Figures figures = runOnce(braze, counter, route.trim(), rows, heap, sampleMillis, histogram);
                    results.merge(figures.route() + "@" + rows, figures, Figures::combine);
                }
            }
        }

        System.out.printf(Locale.ROOT, "%-9s %10s %8s %9s %7s %9s %11s %11s %12s %12s %s%n", "best of", "rows", "time s",
                "rows/s", "CPU s", "requests", "heap idle", "heap peak", "peak - idle", "after exch.", "complete");
        for (Figures r : results.values()) {
            System.out.printf(Locale.ROOT, "%-9s %,10d %8.1f %,9.0f %7.1f %,9d %11s %11s %12s %12s %s%n", r.route(), r.rows(),
                    r.seconds(), r.rows() / Math.max(0.001, r.seconds()), r.cpuMillis() / 1000.0, r.requests(),
                    Summary.mb(r.idle()), Summary.mb(r.livePeak()), Summary.mb(r.livePeak() - r.idle()),
                    Summary.mb(r.retained()), r.complete());
        }

        Map<String, Figures> firstOfRoute = new LinkedHashMap<>();
        for (int rows : rowCounts) {
            Figures baseline = results.get("baseline@" + rows);
            for (String route : List.of("component", "file")) {
                Figures measured = results.get(route + "@" + rows);
                if (measured == null) {
                    continue;
                }
                Figures first = firstOfRoute.computeIfAbsent(route, r -> measured);
                String variant = "file".equals(route)
                        ? String.format(Locale.ROOT, "CSV file, lazyLoad, invalidRecords=skip, idempotent repository, %,d rows,"
                                                     + " -Xmx%s", rows, heap)
                        : String.format(Locale.ROOT, "component, %,d rows, -Xmx%s", rows, heap);
                summary.add(NAME, variant, String.format(Locale.ROOT, "%.1f s (%,.0f rows/s), client CPU %.1f s, %,d requests",
                                measured.seconds(), rows / Math.max(0.001, measured.seconds()),
                                measured.cpuMillis() / 1000.0, measured.requests()),
                        baseline == null ? "" : Summary.ratio(measured.millis(), baseline.millis(), "baseline's time") + ", "
                                + Summary.ratio(measured.cpuMillis(), baseline.cpuMillis(), "baseline's CPU"),
                        ("file".equals(route) ? "every valid row accepted once, the " + CsvRows.invalidAmong(rows)
                                                + " bad ones set aside, requests of 50: "
                                : "every row accepted once, requests of 50: ") + Summary.met(measured.complete()));
                summary.add(NAME, variant, "live heap peak " + Summary.mb(measured.livePeak()) + " (idle "
                                           + Summary.mb(measured.idle()) + ", after the exchange "
                                           + Summary.mb(measured.retained()) + ")",
                        baseline == null ? "" : Summary.ratio(measured.livePeak(), baseline.livePeak(), "baseline's peak"),
                        measured == first ? "" : independence(first, measured));
            }
            if (baseline != null) {
                summary.add(NAME, String.format(Locale.ROOT, "baseline camel-http + Jackson, %,d rows", rows),
                        String.format(Locale.ROOT, "%.1f s, client CPU %.1f s, live heap peak %s", baseline.seconds(),
                                baseline.cpuMillis() / 1000.0, Summary.mb(baseline.livePeak())),
                        "1.00x", "complete: " + Summary.met(baseline.complete()));
            }
        }
    }

    private static Figures runOnce(FakeBraze braze, RequestCounter counter, String route, int rows, String heap,
                                   long sampleMillis, int histogram) throws Exception {
        counter.reset(rows);
        Map<String, String> result = Fork.run(List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"), StreamRun.class,
                List.of(route, String.valueOf(rows), String.valueOf(braze.port()), braze.apiKey(), String.valueOf(sampleMillis),
                        String.valueOf(histogram)), 600);
        RequestCounter.Snapshot fake = counter.snapshot();
        RequestCounter.IdCheck ids = counter.idCheck();
        // the file route's bad rows are set aside, never sent
        int invalid = "file".equals(route) ? CsvRows.invalidAmong(rows) : 0;
        int valid = rows - invalid;
        boolean complete = "0".equals(result.get("exit")) && "-".equals(result.get("error"))
                           && fake.acceptedRecipients() == valid && ids.distinct() == valid && ids.duplicates() == 0
                           && ids.foreign() == 0 && fake.largestRequest() <= 50 && fake.accepted() == (valid + 49) / 50
                           && fake.refused() == 0 && bytes(result, "rejected") == invalid;
        Figures figures = new Figures(route, rows, bytes(result, "millis"), bytes(result, "cpuMillis"),
                bytes(result, "idle"), bytes(result, "livePeak"), bytes(result, "retained"), fake.accepted(), complete);
        System.out.printf(Locale.ROOT, "%-9s %,9d rows: exit %s, %.1f s, client CPU %.1f s, live heap idle %s / peak %s (%s"
                                       + " samples), after the exchange %s; fake Braze accepted %,d recipients (%,d distinct,"
                                       + " %d twice) in %,d requests (largest %d), refused %d, rows set aside %s%s%n",
                route, rows, result.get("exit"), figures.seconds(), figures.cpuMillis() / 1000.0,
                Summary.mb(figures.idle()), Summary.mb(figures.livePeak()), result.getOrDefault("samples", "0"),
                Summary.mb(figures.retained()), fake.acceptedRecipients(), ids.distinct(), ids.duplicates(), fake.accepted(),
                fake.largestRequest(), fake.refused(), result.getOrDefault("rejected", "0"),
                "-".equals(result.getOrDefault("error", "-")) ? "" : ", error " + result.get("error"));
        return figures;
    }

    /**
     * Whether the live heap peak is independent of the row count: within 10 % of the smaller run's (sampling noise), and
     * by how many bytes per row it grew.
     */
    private static String independence(Figures small, Figures large) {
        double ratio = (double) large.livePeak() / Math.max(1, small.livePeak());
        double perRow = (double) (large.livePeak() - small.livePeak()) / Math.max(1, large.rows() - small.rows());
        return String.format(Locale.ROOT, "peak independent of rows (within 10 %%): %s, %.2fx the %,d-row peak, %+.1f"
                                          + " bytes/row", Summary.met(ratio <= 1.10), ratio, small.rows(), perRow);
    }

    private static long bytes(Map<String, String> result, String key) {
        return Long.parseLong(result.getOrDefault(key, "0"));
    }
}
