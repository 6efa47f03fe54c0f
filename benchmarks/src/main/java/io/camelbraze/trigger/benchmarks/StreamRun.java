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

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.camelbraze.trigger.BrazeTriggerComponent;
import io.camelbraze.trigger.BrazeTriggerConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.dataformat.csv.CsvDataFormat;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * One run of the streamed-body scenario, in a JVM of its own started by {@link StreamScenario} with {@code -Xmx256m}: a
 * lazy {@link FlatRows} iterator of {@code rows} records as the body of ONE exchange, through either the component or the
 * camel-http + Jackson baseline, to the fake Braze running in the parent JVM (so that its memory is not counted here).
 * The {@code file} route is the bulk route as a user writes it: a {@link CsvRows} file (written before the run)
 * unmarshalled by camel-csv with {@code lazyLoad}, to the component with {@code invalidRecords=skip} and an idempotent
 * repository keyed by the file's name. Prints one {@code RESULT} line the parent reads.
 * <p>
 * Arguments: {@code component|file|baseline rows braze-port api-key heap-sample-millis [histogram-lines]}.
 */
public final class StreamRun {

    static final String CANVAS_ID = "cv-bench";
    static final String COMPONENT_URI = "braze-trigger:canvas?canvasId=" + CANVAS_ID
                                        + "&externalIdField=id&contextFields=order_id,total";

    private StreamRun() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int rows = Integer.parseInt(args[1]);
        int port = Integer.parseInt(args[2]);
        String apiKey = args[3];
        long sampleMillis = Long.parseLong(args[4]);

        CamelContext context = new DefaultCamelContext();
        BrazeTriggerComponent component = context.getComponent("braze-trigger", BrazeTriggerComponent.class);
        component.setBaseUri("http://127.0.0.1:" + port);
        component.setApiKey(apiKey);
        BaselineBulkRequest baseline = new BaselineBulkRequest(CANVAS_ID, apiKey);
        context.getRegistry().bind("sent", MemoryIdempotentRepository.memoryIdempotentRepository());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if ("component".equals(mode)) {
                    from("direct:bulk").to(COMPONENT_URI);
                } else if ("file".equals(mode)) {
                    CsvDataFormat csv = new CsvDataFormat();
                    csv.setUseMaps(true);
                    csv.setLazyLoad(true);
                    from("direct:bulk").unmarshal(csv)
                            .to(COMPONENT_URI + "&invalidRecords=skip&idempotentRepository=#sent"
                                + "&idempotentKey=${header.CamelFileName}");
                } else {
                    from("direct:bulk").split(BaselineBulkRequest.groupsOf(50)).streaming().stopOnException()
                            .process(baseline)
                            .to("http://127.0.0.1:" + port + "/canvas/trigger/send")
                            .process(baseline::readDispatchId)
                            .end();
                }
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        // the route's classes loaded and its connections made: what an idle route holds
        boolean file = "file".equals(mode);
        Path folder = file ? Files.createTempDirectory("braze-bench") : null;
        template.send("direct:bulk", e -> {
            e.getMessage().setHeader(BrazeTriggerConstants.CANVAS_ID, RequestCounter.WARM_UP_CANVAS);
            e.getMessage().setHeader(Exchange.FILE_NAME, "warm-up.csv");
            e.getMessage().setBody(file ? CsvRows.write(folder.resolve("warm-up.csv"), 50).toFile() : new FlatRows(50));
        });
        File input = file ? CsvRows.write(folder.resolve("customers.csv"), rows).toFile() : null;
        long idle = HeapSampler.liveNow();
        long warmUpRequests = baseline.requests();
        long warmUpRecipients = baseline.recipients();

        int histogramLines = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        HeapSampler sampler = new HeapSampler(sampleMillis, histogramLines > 0 ? histogramLines + 3 : 0);
        sampler.start();
        long cpuBefore = javaThreadsCpuNanos();
        long began = System.nanoTime();
        Exchange exchange = template.request("direct:bulk", e -> {
            e.getMessage().setHeader(Exchange.FILE_NAME, "customers.csv");
            e.getMessage().setBody(file ? input : new FlatRows(rows));
        });
        long millis = (System.nanoTime() - began) / 1_000_000;
        long cpuMillis = (javaThreadsCpuNanos() - cpuBefore) / 1_000_000;
        sampler.stop();
        long poolPeaks = HeapSampler.poolPeaks();
        // the exchange is still referenced: what the component leaves on it (headers, properties) is counted
        long retained = HeapSampler.liveNow();
        if (histogramLines > 0) {
            System.out.println("live objects at the highest live-heap sample:");
            System.out.println(sampler.peakHistogram());
            System.out.println("live objects after the exchange, exchange still referenced:");
            System.out.println(HeapSampler.histogram(histogramLines + 3));
        }

        Exception failure = exchange.getException();
        long requests = !"baseline".equals(mode)
                ? exchange.getMessage().getHeader(BrazeTriggerConstants.REQUEST_COUNT, 0L, Long.class) : baseline.requests() - warmUpRequests;
        long recipients = !"baseline".equals(mode)
                ? exchange.getMessage().getHeader(BrazeTriggerConstants.RECIPIENT_COUNT, 0L, Long.class) : baseline.recipients() - warmUpRecipients;
        long rejected = exchange.getMessage().getHeader(BrazeTriggerConstants.REJECTED_COUNT, 0L, Long.class);
        System.out.printf(Locale.ROOT, "RESULT mode=%s rows=%d millis=%d cpuMillis=%d requests=%d recipients=%d rejected=%d"
                                       + " idle=%d livePeak=%d samples=%d poolPeaks=%d retained=%d maxHeap=%d error=%s%n",
                mode, rows, millis, cpuMillis, requests, recipients, rejected, idle, sampler.livePeak(), sampler.samples(),
                poolPeaks, retained,
                Runtime.getRuntime().maxMemory(), failure == null ? "-" : String.valueOf(failure).replace(' ', '_'));
        Reference.reachabilityFence(exchange);
        context.close();
        if (folder != null) {
            try (var files = Files.list(folder)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(folder);
        }
    }

    /**
     * CPU time of this JVM's live Java threads (route, component, HTTP client): unlike elapsed time it hardly depends on
     * what else runs on the machine. Leaves out GC and JIT threads (so the sampler's forced GCs are not counted) and
     * threads that ended meanwhile.
     */
    private static long javaThreadsCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu > 0) {
                sum += cpu;
            }
        }
        return sum;
    }
}
