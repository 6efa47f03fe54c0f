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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.camelbraze.examples.run.SendLedger;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs one example route against the test kit's fake Braze (which the kit wires into the {@code braze-trigger}
 * component by itself) and the embedded broker, SFTP server and database.
 */
abstract class ExampleRouteTestSupport extends CamelTestSupport {

    static final String CANVAS = "9a0d4c52-7e1b-4f36-8d2a-c1b5e0f7a913";
    static final String CAMPAIGN = "3e7f1a9c-5b2d-4c8e-a6f0-d9b4c2e1f758";
    static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final FakeBrazeExtension braze = new FakeBrazeExtension();

    @TempDir
    static Path tempDir;

    private static final AtomicInteger RUNS = new AtomicInteger();

    /** Fresh for every test: its own folders, broker, SFTP server and database. */
    ExampleEnvironment environment;

    final SendLedger ledger = new SendLedger();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        environment = ExampleEnvironment.start(tempDir.resolve("run-" + RUNS.incrementAndGet()), null, null, null);
        CamelContext context = super.createCamelContext();
        Properties properties = environment.properties();
        properties.setProperty("braze.canvasId", CANVAS);
        properties.setProperty("braze.campaignId", CAMPAIGN);
        properties.setProperty("braze.apiKey", braze.apiKey());
        properties.setProperty("braze.baseUri", braze.baseUri());
        context.getPropertiesComponent().setInitialProperties(properties);
        environment.bindTo(context);
        context.getManagementStrategy().addEventNotifier(ledger);
        return context;
    }

    @Override
    protected void doPostTearDown() throws Exception {
        if (environment != null) {
            environment.close();
        }
    }

    /** Waits, bounded, until {@code condition} holds. */
    static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + WAIT.toSeconds() + "s waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    static List<String> fileNames(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
