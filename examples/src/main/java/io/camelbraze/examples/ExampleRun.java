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
package io.camelbraze.examples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.camelbraze.examples.routes.CampaignQueueRoute;
import io.camelbraze.examples.routes.OrdersFileRoute;
import io.camelbraze.examples.run.Outcomes;
import io.camelbraze.examples.run.SampleData;
import io.camelbraze.examples.run.SendLedger;
import io.camelbraze.examples.run.SourceReport;
import io.camelbraze.examples.run.Summary;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One end-to-end run: starts the embedded services and the routes, seeds every source, waits (bounded) until every
 * record was sent or rejected, prints a summary and says whether anything was lost.
 */
public final class ExampleRun {

    private static final Logger LOG = LoggerFactory.getLogger("examples");
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    private final BrazeSettings settings;
    private final Path workDir;
    private final Duration timeout;

    public ExampleRun(BrazeSettings settings, Path workDir, Duration timeout) {
        this.settings = settings;
        this.workDir = workDir;
        this.timeout = timeout;
    }

    /** Runs everything once; returns the process exit code (0: every record sent or rejected). */
    public int run(String jdbcUrl, String jdbcUser, String jdbcPassword) throws Exception {
        try (BrazeBackend backend = BrazeBackend.start(settings);
             ExampleEnvironment environment = ExampleEnvironment.start(workDir, jdbcUrl, jdbcUser, jdbcPassword)) {
            LOG.info("Sending to {}", backend.describe());
            LOG.info("Embedded: Artemis broker (in-VM), SFTP server on 127.0.0.1:{}, outbox database {}, files under {}",
                     environment.sftp().port(), environment.database().description(), environment.workDir());
            SendLedger ledger = new SendLedger();
            CamelContext context = createContext(backend, environment, ledger);
            try {
                context.start();
                seed(environment, context);
                Outcomes outcomes = new Outcomes(environment, ledger);
                boolean done = awaitCompletion(outcomes);
                List<SourceReport> reports = outcomes.collect();
                Summary.print(LOG::info, backend.describe(), reports, ledger, backend.fake().orElse(null), !done);
                int unaccounted = reports.stream().mapToInt(SourceReport::unaccounted).sum();
                return done && unaccounted == 0 ? 0 : 1;
            } finally {
                context.stop();
            }
        }
    }

    static CamelContext createContext(BrazeBackend backend, ExampleEnvironment environment, SendLedger ledger)
            throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("braze-examples");
        context.getShutdownStrategy().setTimeout(10);
        java.util.Properties properties = backend.properties();
        properties.putAll(environment.properties());
        context.getPropertiesComponent().setInitialProperties(properties);
        backend.configure(context);
        environment.bindTo(context);
        context.getManagementStrategy().addEventNotifier(ledger);
        ExampleRoutes.addAll(context);
        return context;
    }

    private static void seed(ExampleEnvironment environment, CamelContext context) {
        for (Outcomes.FileRoute route : Outcomes.FILE_ROUTES) {
            SampleData.dropOrders(environment.filesFolder(route.folder()).resolve("inbox"));
        }
        try (ProducerTemplate producer = context.createProducerTemplate()) {
            SampleData.QUEUE_MESSAGES.forEach(json -> producer.sendBody("jms:queue:" + CampaignQueueRoute.QUEUE, json));
        } catch (Exception e) {
            throw new IllegalStateException("Could not seed the queue", e);
        }
        SampleData.dropBatches(environment.sftpBatches());
        SampleData.insertOutboxRows(environment.database());
        LOG.info("Seeded: {} in 3 inboxes ({}), {} queue messages, 3 SFTP batch files, outbox rows",
                 SampleData.ORDERS_FILE, OrdersFileRoute.FOLDER + ", orders-yaml, orders-kamelet",
                 SampleData.QUEUE_MESSAGES.size());
    }

    private boolean awaitCompletion(Outcomes outcomes) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<SourceReport> reports = outcomes.collect();
            LOG.info(Summary.progress(reports));
            if (reports.stream().allMatch(SourceReport::complete)) {
                return true;
            }
            Thread.sleep(PROGRESS_EVERY.toMillis());
        }
        LOG.warn("Gave up waiting after {}s", timeout.toSeconds());
        return false;
    }
}
