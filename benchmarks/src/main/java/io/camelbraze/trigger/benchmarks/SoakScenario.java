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

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The long run of the route-level chaos soak: the component's {@code ChaosSoakRouteTest} (real routes, a dead-letter
 * channel, the fake Braze answering with every fault kind at once) at {@code bench.soak.exchanges} exchanges (default
 * 100,000) instead of CI's 2,000, for the seeds {@code bench.soak.seeds} (default one, 20260415), within
 * {@code bench.soak.deadlineSeconds} (default 3600). The same assertions hold: every exchange completes, nothing is
 * lost, nobody is accepted twice unless their send was ambiguous, only ambiguous sends are dead-lettered.
 */
final class SoakScenario {

    private static final String SOAK_TEST = "io.camelbraze.trigger.ChaosSoakRouteTest";

    private SoakScenario() {
    }

    /**
     * Runs the soak in a JVM of its own: exec:java's class loader hides the test kit's Camel plugin (which points every
     * CamelContext at the fake Braze) from Camel's service lookup.
     */
    static void run(Summary summary) throws Exception {
        String exchanges = System.getProperty("bench.soak.exchanges", "100000");
        String seeds = System.getProperty("bench.soak.seeds", "20260415");
        long deadline = Long.getLong("bench.soak.deadlineSeconds", 3600);
        System.out.printf(Locale.ROOT, "%n== 7. chaos soak: %s exchanges, seeds %s ==%n", exchanges, seeds);
        long began = System.nanoTime();
        Map<String, String> result = Fork.run(List.of("-Xmx2g", "-Dsoak.exchanges=" + exchanges, "-Dsoak.seeds=" + seeds,
                "-Dsoak.deadlineSeconds=" + deadline), SoakScenario.class, List.of(), deadline * seeds.split(",").length + 300);
        double minutes = (System.nanoTime() - began) / 60e9;
        boolean passed = "0".equals(result.get("exit")) && "0".equals(result.get("failed"));
        summary.add("7. chaos soak", exchanges + " exchanges, seeds " + seeds,
                String.format(Locale.ROOT, "%s of %s seed(s) passed in %.1f min", result.getOrDefault("passed", "0"),
                        result.getOrDefault("found", "?"), minutes), "",
                "every exchange completes, none lost or doubled: " + Summary.met(passed));
    }

    /** The forked JVM: runs the soak test through the JUnit Platform launcher and prints a RESULT line. */
    public static void main(String[] args) throws ClassNotFoundException {
        LauncherDiscoveryRequest discovery = request().selectors(selectClass(Class.forName(SOAK_TEST))).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(discovery, listener);
        TestExecutionSummary result = listener.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        result.printTo(out);
        result.printFailuresTo(out, 40);
        System.out.printf(Locale.ROOT, "RESULT found=%d passed=%d failed=%d%n", result.getTestsFoundCount(),
                result.getTestsSucceededCount(), result.getTotalFailureCount());
        System.exit(result.getTotalFailureCount() == 0 && result.getTestsSucceededCount() > 0 ? 0 : 1);
    }
}
