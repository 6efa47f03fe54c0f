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
import java.util.Locale;

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

    static void run(Summary summary) throws ClassNotFoundException {
        String exchanges = System.getProperty("bench.soak.exchanges", "100000");
        String seeds = System.getProperty("bench.soak.seeds", "20260415");
        System.setProperty("soak.exchanges", exchanges);
        System.setProperty("soak.seeds", seeds);
        System.setProperty("soak.deadlineSeconds", System.getProperty("bench.soak.deadlineSeconds", "3600"));
        System.out.printf(Locale.ROOT, "%n== 7. chaos soak: %s exchanges, seeds %s ==%n", exchanges, seeds);
        LauncherDiscoveryRequest discovery = request().selectors(selectClass(Class.forName(SOAK_TEST))).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        long began = System.nanoTime();
        launcher.execute(discovery, listener);
        TestExecutionSummary result = listener.getSummary();
        result.printTo(new PrintWriter(System.out, true));
        result.printFailuresTo(new PrintWriter(System.out, true), 40);
        double minutes = (System.nanoTime() - began) / 60e9;
        boolean passed = result.getTestsSucceededCount() > 0 && result.getTotalFailureCount() == 0;
        summary.add("7. chaos soak", exchanges + " exchanges, seeds " + seeds,
                String.format(Locale.ROOT, "%d of %d seed(s) passed in %.1f min", result.getTestsSucceededCount(),
                        result.getTestsFoundCount(), minutes), "",
                "every exchange completes, none lost or doubled: " + Summary.met(passed));
    }
}
