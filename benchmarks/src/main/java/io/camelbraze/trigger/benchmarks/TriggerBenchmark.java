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

import io.camelbraze.trigger.BrazeTriggerComponent;
import io.camelbraze.trigger.test.FakeBraze;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Recipients per second to one local fake Braze, in one JVM, through three routes fed one record per exchange:
 * <ol>
 *   <li>{@code baseline}: a plain camel-http + Jackson route (builds the JSON, sets Authorization, posts, reads the
 *   dispatch id);</li>
 *   <li>{@code component}: {@code braze-trigger:canvas}, one request per record;</li>
 *   <li>{@code batched}: {@code braze-trigger:canvas?batchSize=50&batchTimeout=...}, records merged into requests of up
 *   to 50 recipients.</li>
 * </ol>
 * Same driver for all, a warm-up, then alternating rounds; prints each round, the medians and the ratios to the
 * baseline, and client-side heap allocated per record. System properties: {@code bench.threads} (comma-separated driver
 * thread counts, default {@code 16,64}), {@code bench.warmupSeconds} (6), {@code bench.roundSeconds} (3),
 * {@code bench.rounds} (5), {@code bench.batchTimeout} (ms, 10).
 */
public final class TriggerBenchmark {

    private static final String CANVAS_ID = "cv-bench";

    private TriggerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> threadCounts = new ArrayList<>();
        for (String t : System.getProperty("bench.threads", "16,64").split(",")) {
            threadCounts.add(Integer.parseInt(t.trim()));
        }
        long warmup = Long.getLong("bench.warmupSeconds", 6) * 1000;
        long round = Long.getLong("bench.roundSeconds", 3) * 1000;
        int rounds = Integer.getInteger("bench.rounds", 5);
        long batchTimeout = Long.getLong("bench.batchTimeout", 10);

        // no rate limit in the way: the benchmark measures the client side, not Braze's budget
        FakeBraze braze = FakeBraze.builder().rateLimited(Integer.MAX_VALUE, Duration.ofHours(1)).build().start();
        CamelContext context = new DefaultCamelContext();
        try {
            BrazeTriggerComponent component = context.getComponent("braze-trigger", BrazeTriggerComponent.class);
            component.setBaseUri(braze.baseUri());
            component.setApiKey(braze.apiKey());
            BaselineRequest baseline = new BaselineRequest(CANVAS_ID, braze.apiKey());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:baseline").process(baseline)
                            .to("http://127.0.0.1:" + braze.port() + "/canvas/trigger/send")
                            .process(baseline::readDispatchId);
                    from("direct:component").to("braze-trigger:canvas?canvasId=" + CANVAS_ID);
                    from("direct:batched").to("braze-trigger:canvas?canvasId=" + CANVAS_ID + "&batchSize=50&batchTimeout="
                                              + batchTimeout);
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            Map<String, String> variants = new LinkedHashMap<>();
            variants.put("baseline", "direct:baseline");
            variants.put("component", "direct:component");
            variants.put("batched", "direct:batched");

            System.out.printf(Locale.ROOT, "%nbraze-trigger benchmark: %d cores, Java %s, %s; warm-up %d s, %d rounds of %d s,"
                                           + " batchTimeout %d ms%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), System.getProperty("os.name"), warmup / 1000, rounds, round / 1000,
                    batchTimeout);
            for (int threads : threadCounts) {
                runAll(braze, new Driver(template, threads), threads, variants, warmup, round, rounds);
            }
        } finally {
            context.close();
            braze.stop();
        }
    }

    private static void runAll(FakeBraze braze, Driver driver, int threads, Map<String, String> variants, long warmup,
                               long round, int rounds) throws InterruptedException {
        System.out.printf(Locale.ROOT, "%n== %d driver threads ==%n", threads);
        for (String uri : variants.values()) {
            driver.run(uri, warmup);
            braze.reset(); // the fake records every request: keep its memory flat
        }
        Map<String, List<Driver.Result>> results = new LinkedHashMap<>();
        for (int i = 1; i <= rounds; i++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d:", i));
            for (Map.Entry<String, String> variant : variants.entrySet()) {
                Driver.Result result = driver.run(variant.getValue(), round);
                braze.reset();
                results.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(result);
                line.append(String.format(Locale.ROOT, "  %s %,.0f rec/s", variant.getKey(), result.recordsPerSecond()));
                if (result.errors() > 0) {
                    line.append(String.format(Locale.ROOT, " (%d errors, first: %s)", result.errors(), result.firstError()));
                }
            }
            System.out.println(line);
        }
        double base = Median.of(results.get("baseline"), Driver.Result::recordsPerSecond);
        System.out.printf(Locale.ROOT, "%-10s %14s %10s %18s%n", "median", "recipients/s", "vs base", "heap bytes/record");
        for (Map.Entry<String, List<Driver.Result>> entry : results.entrySet()) {
            double rate = Median.of(entry.getValue(), Driver.Result::recordsPerSecond);
            double bytes = Median.of(entry.getValue(), Driver.Result::bytesPerRecord);
            System.out.printf(Locale.ROOT, "%-10s %,14.0f %9.2fx %,18.0f%n", entry.getKey(), rate, rate / base, bytes);
        }
    }
}
