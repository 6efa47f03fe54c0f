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
 * run side by side. A run passes when the fake accepted every row exactly once, in requests of at most 50.
 * <p>
 * System properties: {@code bench.stream.rows} (default {@code 100000,1000000}), {@code bench.stream.routes}
 * ({@code component,baseline}), {@code bench.stream.heap} ({@code 256m}), {@code bench.heapSampleMillis} (500),
 * {@code bench.stream.histogram} (lines of the class histogram to print after each run, default 0: none).
 */
final class StreamScenario {

    private static final String NAME = "1. streamed body, one exchange";

    private StreamScenario() {
    }

    static void run(FakeBraze braze, RequestCounter counter, Summary summary) throws Exception {
        List<Integer> rowCounts = new ArrayList<>();
        for (String n : System.getProperty("bench.stream.rows", "100000,1000000").split(",")) {
            rowCounts.add(Integer.parseInt(n.trim()));
        }
        String[] routes = System.getProperty("bench.stream.routes", "component,baseline").split(",");
        String heap = System.getProperty("bench.stream.heap", "256m");
        long sampleMillis = Long.getLong("bench.heapSampleMillis", 500);
        int histogram = Integer.getInteger("bench.stream.histogram", 0);
        System.out.printf(Locale.ROOT, "%n== %s: lazy Iterator of flat records, each run in its own JVM with -Xmx%s;"
                                       + " live heap sampled after a forced full GC every %d ms ==%n", NAME, heap, sampleMillis);

        Map<String, Map<String, String>> results = new LinkedHashMap<>();
        for (int rows : rowCounts) {
            for (String route : routes) {
                route = route.trim();
                counter.reset(rows);
                Map<String, String> result = Fork.run(List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"), StreamRun.class,
                        List.of(route, String.valueOf(rows), String.valueOf(braze.port()), braze.apiKey(),
                                String.valueOf(sampleMillis), String.valueOf(histogram)), 600);
                RequestCounter.Snapshot fake = counter.snapshot();
                RequestCounter.IdCheck ids = counter.idCheck();
                boolean complete = "0".equals(result.get("exit")) && "-".equals(result.get("error"))
                                   && fake.acceptedRecipients() == rows && ids.distinct() == rows && ids.duplicates() == 0
                                   && ids.foreign() == 0 && fake.largestRequest() <= 50 && fake.accepted() == (rows + 49) / 50
                                   && fake.refused() == 0;
                result.put("complete", String.valueOf(complete));
                result.put("fakeAccepted", String.valueOf(fake.acceptedRecipients()));
                result.put("fakeRequests", String.valueOf(fake.accepted()));
                results.put(route + "@" + rows, result);
                System.out.printf(Locale.ROOT, "%-9s %,9d rows: exit %s, %s; fake Braze accepted %,d recipients (%,d distinct,"
                                               + " %d twice) in %,d requests (largest %d), refused %d%s%n",
                        route, rows, result.get("exit"), result.containsKey("millis")
                                ? String.format(Locale.ROOT, "%.1f s, live heap idle %s / peak %s (%s samples), after the"
                                                            + " exchange %s", seconds(result), mb(result, "idle"),
                                mb(result, "livePeak"), result.get("samples"), mb(result, "retained"))
                                : "no result",
                        fake.acceptedRecipients(), ids.distinct(), ids.duplicates(), fake.accepted(), fake.largestRequest(),
                        fake.refused(), "-".equals(result.getOrDefault("error", "-")) ? "" : ", error " + result.get("error"));
            }
        }

        System.out.printf(Locale.ROOT, "%-9s %10s %8s %9s %9s %11s %13s %12s %12s %s%n", "route", "rows", "time s",
                "rows/s", "requests", "heap idle", "heap peak", "peak - idle", "after exch.", "complete");
        for (Map.Entry<String, Map<String, String>> entry : results.entrySet()) {
            Map<String, String> r = entry.getValue();
            String[] key = entry.getKey().split("@");
            System.out.printf(Locale.ROOT, "%-9s %,10d %8.1f %,9.0f %,9d %11s %13s %12s %12s %s%n", key[0],
                    Integer.parseInt(key[1]), seconds(r), Integer.parseInt(key[1]) / Math.max(0.001, seconds(r)),
                    Long.parseLong(r.get("fakeRequests")), mb(r, "idle"), mb(r, "livePeak"),
                    Summary.mb(bytes(r, "livePeak") - bytes(r, "idle")), mb(r, "retained"), r.get("complete"));
        }

        Map<String, String> firstComponent = null;
        for (int rows : rowCounts) {
            Map<String, String> component = results.get("component@" + rows);
            Map<String, String> baseline = results.get("baseline@" + rows);
            if (component == null) {
                continue;
            }
            firstComponent = firstComponent == null ? component : firstComponent;
            String variant = String.format(Locale.ROOT, "component, %,d rows, -Xmx%s", rows, heap);
            boolean complete = Boolean.parseBoolean(component.get("complete"));
            summary.add(NAME, variant, String.format(Locale.ROOT, "%.1f s (%,.0f rows/s), %,d requests", seconds(component),
                    rows / Math.max(0.001, seconds(component)), Long.parseLong(component.get("fakeRequests"))),
                    baseline == null ? "" : Summary.ratio(seconds(component), seconds(baseline), "baseline's time"),
                    "every row accepted once, requests of 50: " + Summary.met(complete));
            summary.add(NAME, variant, "live heap peak " + mb(component, "livePeak") + " (idle " + mb(component, "idle")
                                       + ", after the exchange " + mb(component, "retained") + ")",
                    baseline == null ? "" : Summary.ratio(bytes(component, "livePeak"), bytes(baseline, "livePeak"),
                            "baseline's peak"),
                    component == firstComponent ? "" : independence(firstComponent, component));
            if (baseline != null) {
                summary.add(NAME, String.format(Locale.ROOT, "baseline camel-http + Jackson, %,d rows", rows),
                        String.format(Locale.ROOT, "%.1f s, live heap peak %s", seconds(baseline), mb(baseline, "livePeak")),
                        "1.00x", "complete: " + Summary.met(Boolean.parseBoolean(baseline.get("complete"))));
            }
        }
    }

    /**
     * Whether the live heap peak is independent of the row count: within 10 % of the smaller run's (sampling noise), and
     * by how many bytes per row it grew.
     */
    private static String independence(Map<String, String> small, Map<String, String> large) {
        double ratio = (double) bytes(large, "livePeak") / Math.max(1, bytes(small, "livePeak"));
        long extraRows = Long.parseLong(large.get("rows")) - Long.parseLong(small.get("rows"));
        double perRow = (double) (bytes(large, "livePeak") - bytes(small, "livePeak")) / Math.max(1, extraRows);
        return String.format(Locale.ROOT, "peak independent of rows (within 10 %%): %s, %.2fx the %,d-row peak, %+.1f"
                                          + " bytes/row", Summary.met(ratio <= 1.10), ratio,
                Integer.parseInt(small.get("rows")), perRow);
    }

    private static double seconds(Map<String, String> result) {
        return Long.parseLong(result.getOrDefault("millis", "0")) / 1000.0;
    }

    private static long bytes(Map<String, String> result, String key) {
        return Long.parseLong(result.getOrDefault(key, "0"));
    }

    private static String mb(Map<String, String> result, String key) {
        return Summary.mb(bytes(result, key));
    }
}
