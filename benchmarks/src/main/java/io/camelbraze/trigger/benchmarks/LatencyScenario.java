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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeBinding;
import io.camelbraze.trigger.test.FaultScript;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Throughput at the latency real Braze answers with: the fake holds every answer for {@code bench.latencyMillis}
 * (default 100), and each row is printed beside the limit of its setup, the most that setup allows whatever the
 * component does:
 * <ul>
 *   <li>synchronous senders (as JMS consumers: one record per exchange, each waits for its answer) can have at most one
 *   record each in flight: {@code senders / round trip} records per second;</li>
 *   <li>a workspace budget of {@code B} requests a second carries at most {@code B × 50} recipients a second;</li>
 *   <li>one exchange of many recipients keeps at most {@code maxConcurrentRequests} requests of 50 in flight:
 *   {@code maxConcurrentRequests × 50 / round trip}.</li>
 * </ul>
 * Every row runs in a CamelContext and fake Braze of its own (its own budget, nothing carried over), all options at their
 * defaults apart from {@code batchSize}. Properties: {@code bench.latencyMillis} (100), {@code bench.latency.seconds}
 * (measured seconds per senders row, 10), {@code bench.latency.warmUpSeconds} (3), {@code bench.latency.budget} (the
 * budgeted senders row, requests/s, 20), {@code bench.latency.bigBulkRecipients} (the bulk row without budget pressure,
 * 100,000), {@code bench.latency.bulkRecipients} (the budgeted bulk row, 20,000), {@code bench.latency.bulkMillis}
 * (its latency, 300), {@code bench.latency.bulkBudget} (its requests/s, 50).
 */
final class LatencyScenario {

    private static final String CANVAS = "braze-trigger:canvas?canvasId=cv-latency";
    private static final int MAX_CONCURRENT_DEFAULT = 32;
    private static final int PER_REQUEST = 50;
    private static final long BULK_TIMEOUT_SECONDS = 300;

    private final Summary summary;
    private final long latency = Long.getLong("bench.latencyMillis", 100);
    private final long seconds = Long.getLong("bench.latency.seconds", 10);
    private final long warmUpSeconds = Long.getLong("bench.latency.warmUpSeconds", 3);
    private final int budget = Integer.getInteger("bench.latency.budget", 20);
    private final int bulkRecipients = Integer.getInteger("bench.latency.bulkRecipients", 20_000);
    private final int bigBulkRecipients = Integer.getInteger("bench.latency.bigBulkRecipients", 100_000);
    private final long bulkLatency = Long.getLong("bench.latency.bulkMillis", 300);
    private final int bulkBudget = Integer.getInteger("bench.latency.bulkBudget", 50);

    LatencyScenario(Summary summary) {
        this.summary = summary;
    }

    void run() throws Exception {
        String name = String.format(Locale.ROOT, "5. Braze answering in %d ms", latency);
        System.out.printf(Locale.ROOT, "%n== %s: each row in its own context and fake, %d s warm-up and %d s measured per"
                                       + " senders row; the limit of each setup beside it ==%n", name, warmUpSeconds, seconds);
        double thirtyTwo = 32 * 1000.0 / latency;
        Row batched32 = senders(32, 50, 0, latency);
        report(name, "32 senders, batchSize=50", batched32, thirtyTwo, "32 / RTT",
                ">= 0.85x and <= 0.1 requests/record: " + Summary.met(batched32.ratio(thirtyTwo) >= 0.85
                                                                          && batched32.requestsPerRecord() <= 0.1
                                                                          && batched32.clean()));
        Row single32 = senders(32, 1, 0, latency);
        report(name, "32 senders, batchSize=1", single32, thirtyTwo, "32 / RTT", "");
        double twoHundred = 200 * 1000.0 / latency;
        Row batched200 = senders(200, 50, 0, latency);
        report(name, "200 senders, batchSize=50", batched200, twoHundred, "200 / RTT",
                ">= 0.9x and >= 33 recipients/request: " + Summary.met(batched200.ratio(twoHundred) >= 0.9
                                                                       && batched200.recipientsPerRequest() >= 33
                                                                       && batched200.clean()));
        double budgeted = Math.min(twoHundred, budget * PER_REQUEST);
        Row budget200 = senders(200, 50, budget, latency);
        report(name, "200 senders, batchSize=50, budget " + budget + " requests/s", budget200, budgeted,
                "min(200 / RTT, budget x 50)", ">= 0.9x, <= 1 % 429, none lost: "
                                               + Summary.met(budget200.ratio(budgeted) >= 0.9 && budget200.share429() <= 0.01
                                                             && budget200.clean()));
        double bulkLimit = MAX_CONCURRENT_DEFAULT * PER_REQUEST * 1000.0 / latency;
        // long enough that the first answer (the budget is unknown until it comes) and the last round trip weigh little
        Row bulk = bulk(bigBulkRecipients, 0, latency);
        report(name, String.format(Locale.ROOT, "one exchange of %,d, no budget pressure", bigBulkRecipients), bulk, bulkLimit,
                "maxConcurrentRequests x 50 / RTT", ">= 0.9x: " + Summary.met(bulk.ratio(bulkLimit) >= 0.9 && bulk.clean()));
        String slowName = String.format(Locale.ROOT, "6. Braze answering in %d ms, budget %d requests/s", bulkLatency,
                bulkBudget);
        double slowLimit = Math.min(MAX_CONCURRENT_DEFAULT * PER_REQUEST * 1000.0 / bulkLatency, bulkBudget * PER_REQUEST);
        Row slow = bulk(bulkRecipients, bulkBudget, bulkLatency);
        report(slowName, String.format(Locale.ROOT, "one exchange of %,d, default options", bulkRecipients), slow, slowLimit,
                "budget x 50", ">= 0.9x, <= 1 % 429: " + Summary.met(slow.ratio(slowLimit) >= 0.9 && slow.share429() <= 0.01
                                                                      && slow.clean()));
    }

    /** One measured row: records (recipients) per second and what the fake saw. */
    private record Row(double perSecond, long records, RequestCounter.Snapshot fake, String error, double roundTripMillis) {

        double ratio(double limit) {
            return perSecond / limit;
        }

        double requestsPerRecord() {
            return records == 0 ? 0 : (double) fake.accepted() / records;
        }

        double recipientsPerRequest() {
            return fake.accepted() == 0 ? 0 : (double) fake.acceptedRecipients() / fake.accepted();
        }

        double share429() {
            return fake.requests() == 0 ? 0 : (double) fake.refused() / fake.requests();
        }

        boolean clean() {
            return error == null;
        }
    }

    private void report(String scenario, String variant, Row row, double limit, String limitName, String target) {
        // the fake's own time (Jetty, parsing and checking the request) comes on top of the delay it is told to hold
        String figure = String.format(Locale.ROOT, "%,.0f/s (limit %,.0f/s = %s); %.1f recipients/request, %.3f requests/record,"
                                                   + " %.1f %% refused; one request alone takes %.0f ms", row.perSecond(),
                limit, limitName, row.recipientsPerRequest(), row.requestsPerRecord(), row.share429() * 100,
                row.roundTripMillis()) + (row.error() == null ? "" : " [" + row.error() + "]");
        System.out.printf(Locale.ROOT, "%-52s %s%n", variant, figure);
        summary.add(scenario, variant, figure, Summary.ratio(row.perSecond(), limit, "limit"), target);
    }

    /** {@code threads} synchronous senders, one record per exchange, for the warm-up and then the measured seconds. */
    private Row senders(int threads, int batchSize, int requestsPerSecond, long answerMillis) throws Exception {
        RequestCounter counter = new RequestCounter();
        try (FakeBraze braze = fake(counter, requestsPerSecond, answerMillis);
             CamelContext context = context(braze, CANVAS + (batchSize > 1 ? "&batchSize=" + batchSize : ""))) {
            double roundTrip = roundTripAlone(context);
            Driver driver = new Driver(context.createProducerTemplate(), threads);
            driver.run("direct:send", warmUpSeconds * 1000);
            counter.reset(0);
            Driver.Result result = driver.run("direct:send", seconds * 1000);
            RequestCounter.Snapshot fake = counter.snapshot();
            String error = result.errors() == 0 ? null : result.errors() + " exchanges failed, first " + result.firstError();
            if (error == null && fake.acceptedRecipients() != result.records()) {
                error = "the fake accepted " + fake.acceptedRecipients() + " recipients for " + result.records() + " records";
            }
            return new Row(result.recordsPerSecond(), result.records(), fake, error, roundTrip);
        }
    }

    /** One exchange of {@code recipients} flat records, all options at their defaults. */
    private Row bulk(int recipients, int requestsPerSecond, long answerMillis) throws Exception {
        RequestCounter counter = new RequestCounter();
        try (FakeBraze braze = fake(counter, requestsPerSecond, answerMillis);
             CamelContext context = context(braze, CANVAS + "&externalIdField=id&contextFields=order_id,total")) {
            double roundTrip = roundTripAlone(context);
            counter.reset(recipients);
            List<Map<String, Object>> rows = FlatRows.list(recipients);
            long began = System.nanoTime();
            CompletableFuture<Exchange> sent = context.createProducerTemplate().asyncSend("direct:send",
                    e -> e.getMessage().setBody(rows));
            Exchange exchange = sent.get(BULK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - began) / 1e9;
            RequestCounter.Snapshot fake = counter.snapshot();
            RequestCounter.IdCheck ids = counter.idCheck();
            String error = exchange.getException() == null ? null : String.valueOf(exchange.getException());
            if (error == null && (ids.distinct() != recipients || ids.duplicates() > 0)) {
                error = "the fake accepted " + ids.distinct() + " distinct recipients of " + recipients + ", "
                        + ids.duplicates() + " twice";
            }
            return new Row(recipients / elapsed, recipients, fake, error, roundTrip);
        }
    }

    /** The median time of five single-recipient exchanges sent one after the other, before the row's run. */
    private static double roundTripAlone(CamelContext context) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = "probe-" + i;
            long began = System.nanoTime();
            context.createProducerTemplate().request("direct:probe", e -> e.getMessage().setBody(Map.of("external_user_id", id)));
            nanos.add(System.nanoTime() - began);
        }
        nanos.sort(null);
        return nanos.get(2) / 1e6;
    }

    /** A fake answering after {@code answerMillis}, with a budget of {@code requestsPerSecond} (0: none in the way). */
    private static FakeBraze fake(RequestCounter counter, int requestsPerSecond, long answerMillis) {
        FakeBraze.Builder builder = FakeBraze.builder().knownCanvasIds("cv-latency").journalTo(counter);
        builder = requestsPerSecond > 0 ? builder.rateLimited(requestsPerSecond, Duration.ofSeconds(1))
                : builder.rateLimited(Integer.MAX_VALUE, Duration.ofHours(1));
        FakeBraze braze = builder.build().start();
        braze.script().delay(FaultScript.UNLIMITED, Duration.ofMillis(answerMillis));
        return braze;
    }

    private static CamelContext context(FakeBraze braze, String uri) throws Exception {
        CamelContext context = new DefaultCamelContext();
        FakeBrazeBinding.configure(context, braze);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(uri);
                from("direct:probe").to(CANVAS);
            }
        });
        context.start();
        return context;
    }
}
