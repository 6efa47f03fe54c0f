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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every example once, end to end, and exits 0 when every seeded record was either sent to Braze or rejected with a
 * reason (1 otherwise).
 *
 * <p>Without {@code BRAZE_API_KEY} (or {@code -Dbraze.apiKey}) it sends to an in-process fake Braze and says so in its
 * first log line. With {@code BRAZE_API_KEY}, {@code BRAZE_INSTANCE}, {@code BRAZE_CANVAS_ID} and
 * {@code BRAZE_CAMPAIGN_ID} the same routes send to that Braze instance. Other settings: {@code -Dexamples.workDir}
 * (default {@code example-run}), {@code -Dexamples.timeoutSeconds} (default 120), {@code -Dexamples.jdbcUrl} /
 * {@code EXAMPLES_JDBC_URL} (+ {@code .jdbcUser}, {@code .jdbcPassword}) to use e.g. PostgreSQL instead of embedded H2.
 */
public final class ExamplesMain {

    private static final Logger LOG = LoggerFactory.getLogger("examples");

    private ExamplesMain() {
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = run();
        } catch (Exception e) {
            LOG.error("The examples failed: {}", e.toString(), e);
            exitCode = 2;
        }
        System.exit(exitCode);
    }

    static int run() throws Exception {
        BrazeSettings settings = BrazeSettings.fromEnvironment();
        if (settings.useFake()) {
            LOG.info("No Braze API key set (BRAZE_API_KEY or -Dbraze.apiKey): using an in-process FAKE Braze on 127.0.0.1;"
                     + " nothing is sent to Braze.");
        } else {
            LOG.info("BRAZE_API_KEY is set: sending REAL Canvas and campaign triggers to {}.", settings);
        }
        Path workDir = Path.of(System.getProperty("examples.workDir", "example-run"));
        Duration timeout = Duration.ofSeconds(Long.getLong("examples.timeoutSeconds", 120));
        String jdbcUrl = System.getProperty("examples.jdbcUrl", System.getenv("EXAMPLES_JDBC_URL"));
        return new ExampleRun(settings, workDir, timeout).run(jdbcUrl, System.getProperty("examples.jdbcUser"),
                                                              System.getProperty("examples.jdbcPassword"));
    }
}
