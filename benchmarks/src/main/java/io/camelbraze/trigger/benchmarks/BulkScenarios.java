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

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

import io.camelbraze.trigger.BrazeTriggerComponent;
import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FaultScript;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Issue 9 items 2 and 5, in this JVM, against the shared counting fake Braze; each variant is run side by side with a
 * baseline, in alternating rounds after a warm-up, and reported by its median:
 * <ul>
 *   <li>{@link #sequentialSplit()}: {@code split(body())} (sequential, as every split is by default) of single-recipient
 *   records to {@code batchSize=50} (default {@code batchTimeout}, 1 s) vs {@code batchSize=1}, and the camel-http +
 *   Jackson route. Properties {@code bench.split.records} (5000), {@code bench.split.rounds} (5).</li>
 *   <li>{@link #concurrentSenders()}: 32 threads each sending one record per exchange synchronously (as 32 JMS consumer
 *   threads do) to {@code batchSize=50} vs {@code batchSize=1} and camel-http; requests per record from the fake.
 *   Properties {@code bench.senders.threads} (32), {@code bench.senders.roundSeconds} (3), {@code bench.senders.rounds}
 *   (5), {@code bench.senders.delayMillis} (how long the fake holds each answer, default 0).</li>
 *   <li>{@link #slowBraze()}: the fake answers every request after 50 ms; ONE exchange of 10,000 flat records (a
 *   {@code List}, and a lazy {@code Iterator}) with {@code maxConcurrentRequests=8} (the default when its figures were set), with
 *   {@code maxConcurrentRequests=1}, and the camel-http route (a sequential streaming split in groups of 50). Properties
 *   {@code bench.slow.recipients} (10000), {@code bench.slow.delayMillis} (50), {@code bench.slow.rounds} (3).</li>
 * </ul>
 */
final class BulkScenarios implements AutoCloseable {

    private static final String CANVAS_ID = "cv-bench";
    private static final String CANVAS = "braze-trigger:canvas?canvasId=" + CANVAS_ID;
    private static final String FLAT = CANVAS + "&externalIdField=id&contextFields=order_id,total";
    private static final long RUN_TIMEOUT_SECONDS = 120;

    private final FakeBraze braze;
    private final RequestCounter counter;
    private final Summary summary;
    private final CamelContext context;
    private final ProducerTemplate template;

    BulkScenarios(FakeBraze braze, RequestCounter counter, Summary summary) throws Exception {
        this.braze = braze;
        this.counter = counter;
        this.summary = summary;
        context = new DefaultCamelContext();
        BrazeTriggerComponent component = context.getComponent("braze-trigger", BrazeTriggerComponent.class);
        component.setBaseUri(braze.baseUri());
        component.setApiKey(braze.apiKey());
        BaselineRequest perRecord = new BaselineRequest(CANVAS_ID, braze.apiKey());
        BaselineBulkRequest groups = new BaselineBulkRequest(CANVAS_ID, braze.apiKey());
        String http = "http://127.0.0.1:" + braze.port() + "/canvas/trigger/send";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // one record per exchange (the split's parts, the concurrent senders)
                from("direct:record-baseline").process(perRecord).to(http).process(perRecord::readDispatchId);
                from("direct:record-batch1").to(CANVAS);
                from("direct:record-batch50").to(CANVAS + "&batchSize=50");
                // a sequential split of a list of records
                from("direct:split-baseline").split(body()).stopOnException().to("direct:record-baseline");
                from("direct:split-batch1").split(body()).stopOnException().to("direct:record-batch1");
                from("direct:split-batch50").split(body()).stopOnException().to("direct:record-batch50");
                // one exchange carrying every recipient
                from("direct:bulk-max8").to(FLAT + "&maxConcurrentRequests=8"); // the default when these figures were set
                from("direct:bulk-max1").to(FLAT + "&maxConcurrentRequests=1");
                from("direct:bulk-baseline").split(BaselineBulkRequest.groupsOf(50)).streaming().stopOnException()
                        .process(groups).to(http).process(groups::readDispatchId).end();
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    /** Records per second of one run and what the fake saw. */
    private record Run(double perSecond, long records, RequestCounter.Snapshot fake, RequestCounter.IdCheck ids,
                       String error) {

        double requestsPerRecord() {
            return records == 0 ? 0 : (double) fake.accepted() / records;
        }
    }

    // ---- issue 9 item 5, first half: a sequential split -------------------------------------------------------------

    void sequentialSplit() throws Exception {
        int records = Integer.getInteger("bench.split.records", 5000);
        int rounds = Integer.getInteger("bench.split.rounds", 5);
        String name = "2. sequential split";
        System.out.printf(Locale.ROOT, "%n== %s: split(body()) of %,d single-recipient records, one exchange at a time;"
                                       + " 1 warm-up and %d rounds ==%n", name, records, rounds);
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("baseline camel-http + Jackson", "direct:split-baseline");
        variants.put("batchSize=1", "direct:split-batch1");
        variants.put("batchSize=50 (batchTimeout 1 s)", "direct:split-batch50");
        Map<String, List<Run>> results = rounds(variants, rounds, (variant, n) -> singleRecipientRecords(n), records, records,
                false);
        Run base = median(results.get("baseline camel-http + Jackson"));
        Run one = median(results.get("batchSize=1"));
        Run fifty = median(results.get("batchSize=50 (batchTimeout 1 s)"));
        printMedians(results, base, one, "batchSize=1");
        double ratio = fifty.perSecond() / one.perSecond();
        double noise = spread(results.get("batchSize=1"));
        String verdict = ratio >= 1.0 ? "met" : ratio >= 1.0 - noise
                ? String.format(Locale.ROOT, "equal within the rounds' spread (%.0f %%)", noise * 100) : "MISSED";
        summary.add(name, "batchSize=1", rate(one, "records/s"), Summary.ratio(one.perSecond(), base.perSecond(), "baseline"),
                "");
        summary.add(name, "batchSize=50", rate(fifty, "records/s") + String.format(Locale.ROOT, ", %.2f requests/record",
                        fifty.requestsPerRecord()),
                Summary.ratio(fifty.perSecond(), one.perSecond(), "batchSize=1") + ", "
                + Summary.ratio(fifty.perSecond(), base.perSecond(), "baseline"),
                "at least as fast as batchSize=1: " + verdict);
        summary.add(name, "baseline camel-http + Jackson", rate(base, "records/s"), "1.00x", "");
    }

    // ---- issue 9 item 5, second half: concurrent senders ------------------------------------------------------------

    void concurrentSenders() throws Exception {
        int threads = Integer.getInteger("bench.senders.threads", 32);
        long roundMillis = Long.getLong("bench.senders.roundSeconds", 3) * 1000;
        int rounds = Integer.getInteger("bench.senders.rounds", 5);
        long delay = Long.getLong("bench.senders.delayMillis", 0);
        String name = String.format(Locale.ROOT, "3. %d concurrent senders%s", threads,
                delay > 0 ? ", Braze answering in " + delay + " ms" : "");
        System.out.printf(Locale.ROOT, "%n== %s: %d threads each sending one record per exchange synchronously, as JMS"
                                       + " consumers with concurrentConsumers=%d do; warm-up %d s per variant, %d rounds of"
                                       + " %d s ==%n", name, threads, threads, roundMillis / 1000, rounds,
                roundMillis / 1000);
        Driver driver = new Driver(template, threads);
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("baseline camel-http + Jackson", "direct:record-baseline");
        variants.put("batchSize=1", "direct:record-batch1");
        variants.put("batchSize=50 (batchTimeout 1 s)", "direct:record-batch50");
        if (delay > 0) {
            braze.script().delay(FaultScript.UNLIMITED, Duration.ofMillis(delay));
        }
        Map<String, List<Run>> results = new LinkedHashMap<>();
        try {
            for (String uri : variants.values()) {
                driver.run(uri, roundMillis);
            }
            for (int round = 1; round <= rounds; round++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d:", round));
                for (Map.Entry<String, String> variant : variants.entrySet()) {
                    counter.reset(0);
                    Driver.Result result = driver.run(variant.getValue(), roundMillis);
                    Run run = new Run(result.recordsPerSecond(), result.records(), counter.snapshot(), null,
                            result.errors() == 0 ? null : result.errors() + " errors, first " + result.firstError());
                    results.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(run);
                    line.append(describe(variant.getKey(), run));
                }
                System.out.println(line);
            }
        } finally {
            braze.script().clear();
        }
        Run base = median(results.get("baseline camel-http + Jackson"));
        Run one = median(results.get("batchSize=1"));
        Run fifty = median(results.get("batchSize=50 (batchTimeout 1 s)"));
        printMedians(results, base, one, "batchSize=1");
        summary.add(name, "batchSize=1", rate(one, "records/s"), Summary.ratio(one.perSecond(), base.perSecond(), "baseline"),
                "");
        summary.add(name, "batchSize=50", rate(fifty, "records/s") + String.format(Locale.ROOT,
                        ", %.3f requests/record (%.1f recipients/request)", fifty.requestsPerRecord(),
                        1 / Math.max(1e-9, fifty.requestsPerRecord())),
                Summary.ratio(fifty.perSecond(), one.perSecond(), "batchSize=1") + ", "
                + Summary.ratio(fifty.perSecond(), base.perSecond(), "baseline"),
                "requests <= 1/10 of records: " + Summary.met(fifty.requestsPerRecord() <= 0.1));
        summary.add(name, "baseline camel-http + Jackson", rate(base, "records/s"), "1.00x", "");
    }

    // ---- issue 9 item 2: one exchange, Braze answering in 50 ms -----------------------------------------------------

    void slowBraze() throws Exception {
        int recipients = Integer.getInteger("bench.slow.recipients", 10_000);
        long delay = Long.getLong("bench.slow.delayMillis", 50);
        int rounds = Integer.getInteger("bench.slow.rounds", 3);
        String name = String.format(Locale.ROOT, "4. one exchange of %,d, Braze answering in %d ms", recipients, delay);
        System.out.printf(Locale.ROOT, "%n== %s: flat records, 1 warm-up of %,d and %d rounds ==%n", name,
                recipients / 10, rounds);
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("baseline camel-http + Jackson (sequential)", "direct:bulk-baseline");
        variants.put("maxConcurrentRequests=1", "direct:bulk-max1");
        variants.put("maxConcurrentRequests=8", "direct:bulk-max8");
        variants.put("maxConcurrentRequests=8, Iterator body", "direct:bulk-max8");
        braze.script().delay(FaultScript.UNLIMITED, Duration.ofMillis(delay));
        Map<String, List<Run>> results;
        try {
            results = rounds(variants, rounds,
                    (variant, n) -> variant.contains("Iterator") ? new FlatRows(n) : FlatRows.list(n),
                    recipients / 10, recipients, true);
        } finally {
            braze.script().clear();
        }
        Run base = median(results.get("baseline camel-http + Jackson (sequential)"));
        Run one = median(results.get("maxConcurrentRequests=1"));
        Run eight = median(results.get("maxConcurrentRequests=8"));
        Run iterator = median(results.get("maxConcurrentRequests=8, Iterator body"));
        printMedians(results, base, one, "maxConcurrentRequests=1");
        summary.add(name, "maxConcurrentRequests=8, List body", rate(eight, "recipients/s"),
                Summary.ratio(eight.perSecond(), one.perSecond(), "max=1") + ", "
                + Summary.ratio(eight.perSecond(), base.perSecond(), "baseline"),
                ">= 4,000 recipients/s: " + Summary.met(eight.perSecond() >= 4000 && eight.error() == null));
        summary.add(name, "maxConcurrentRequests=8, Iterator body", rate(iterator, "recipients/s"),
                Summary.ratio(iterator.perSecond(), one.perSecond(), "max=1") + ", "
                + Summary.ratio(iterator.perSecond(), base.perSecond(), "baseline"),
                ">= 4,000 recipients/s: " + Summary.met(iterator.perSecond() >= 4000 && iterator.error() == null));
        summary.add(name, "maxConcurrentRequests=1", rate(one, "recipients/s"),
                Summary.ratio(one.perSecond(), base.perSecond(), "baseline"), "");
        summary.add(name, "baseline camel-http + Jackson", rate(base, "recipients/s"), "1.00x", "");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /**
     * One warm-up of {@code warmUpRecords}, then {@code rounds} rounds of every variant in turn, each sending one exchange
     * whose body {@code body} makes for the variant's name and a record count.
     */
    private Map<String, List<Run>> rounds(Map<String, String> variants, int rounds, BiFunction<String, Integer, Object> body,
                                          int warmUpRecords, int records, boolean trackIds) throws Exception {
        for (Map.Entry<String, String> variant : variants.entrySet()) {
            once(variant.getValue(), body.apply(variant.getKey(), warmUpRecords), warmUpRecords, trackIds);
        }
        Map<String, List<Run>> results = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d:", round));
            for (Map.Entry<String, String> variant : variants.entrySet()) {
                Run run = once(variant.getValue(), body.apply(variant.getKey(), records), records, trackIds);
                results.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(run);
                line.append(describe(variant.getKey(), run));
            }
            System.out.println(line);
        }
        return results;
    }

    /**
     * Sends one exchange and waits for it (at most {@link #RUN_TIMEOUT_SECONDS}); with {@code trackIds}, checks that the
     * fake accepted the flat records' ids {@code u0 .. u<records-1>} once each.
     */
    private Run once(String uri, Object body, int records, boolean trackIds) throws Exception {
        counter.reset(trackIds ? records : 0);
        long began = System.nanoTime();
        CompletableFuture<Exchange> sent = template.asyncSend(uri, e -> e.getMessage().setBody(body));
        String error;
        try {
            Exchange exchange = sent.get(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            error = exchange.getException() == null ? null : String.valueOf(exchange.getException());
        } catch (TimeoutException e) {
            error = "not completed after " + RUN_TIMEOUT_SECONDS + " s";
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        RequestCounter.Snapshot fake = counter.snapshot();
        RequestCounter.IdCheck ids = counter.idCheck();
        if (error == null && fake.acceptedRecipients() != records) {
            error = "the fake accepted " + fake.acceptedRecipients() + " recipients of " + records;
        }
        if (error == null && ids != null && (ids.distinct() != records || ids.duplicates() > 0)) {
            error = "the fake accepted " + ids.distinct() + " distinct recipients of " + records + ", " + ids.duplicates()
                    + " twice";
        }
        return new Run(records / seconds, records, fake, ids, error);
    }

    private static String describe(String variant, Run run) {
        return String.format(Locale.ROOT, "  %s %,.0f/s (%,d req)%s", variant, run.perSecond(), run.fake().accepted(),
                run.error() == null ? "" : " [" + run.error() + "]");
    }

    private static void printMedians(Map<String, List<Run>> results, Run base, Run reference, String referenceName) {
        System.out.printf(Locale.ROOT, "%-44s %14s %12s %14s %14s %s%n", "median", "per second", "vs baseline",
                "vs " + referenceName, "requests/rec", "errors");
        for (Map.Entry<String, List<Run>> entry : results.entrySet()) {
            Run run = median(entry.getValue());
            long errors = entry.getValue().stream().filter(r -> r.error() != null).count();
            System.out.printf(Locale.ROOT, "%-44s %,14.0f %11.2fx %13.2fx %14.3f %d%n", entry.getKey(), run.perSecond(),
                    run.perSecond() / base.perSecond(), run.perSecond() / reference.perSecond(), run.requestsPerRecord(),
                    errors);
        }
    }

    /** The round whose rate is the median (an odd number of rounds; the lower middle otherwise). */
    private static Run median(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Double.compare(a.perSecond(), b.perSecond()));
        Run middle = sorted.get((sorted.size() - 1) / 2);
        long errors = runs.stream().filter(r -> r.error() != null).count();
        return errors == 0 ? middle : new Run(middle.perSecond(), middle.records(), middle.fake(), middle.ids(),
                errors + " of " + runs.size() + " rounds failed");
    }

    /** Half the spread of the rounds' rates, relative to their median. */
    private static double spread(List<Run> runs) {
        double median = Median.of(runs, Run::perSecond);
        double min = runs.stream().mapToDouble(Run::perSecond).min().orElse(median);
        double max = runs.stream().mapToDouble(Run::perSecond).max().orElse(median);
        return (max - min) / 2 / median;
    }

    private static String rate(Run run, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s", run.perSecond(), unit)
               + (run.error() == null ? "" : " (" + run.error() + ")");
    }

    /** Records of one recipient each, shaped as the per-record benchmark's. */
    private static List<Map<String, Object>> singleRecipientRecords(int count) {
        List<Map<String, Object>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(Map.of("external_user_id", "user-" + i, "context", Map.of("order_id", "A-" + i, "total", 42.5)));
        }
        return records;
    }

    @Override
    public void close() throws Exception {
        context.close();
    }
}
