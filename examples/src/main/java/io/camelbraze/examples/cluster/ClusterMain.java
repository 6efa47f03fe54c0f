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
package io.camelbraze.examples.cluster;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster example: starts the shared services (SFTP drop, Artemis over TCP, H2 in server mode, a fake Braze with a
 * workspace budget), drops the files and queues the events, starts {@code -Dcluster.nodes} (3) Camel Main JVMs running
 * the same routes, kills the one reading a file half-way (unless {@code -Dcluster.killMidFile=false}), waits until Braze
 * accepted every recipient, prints what each node sent and the totals, and exits 0 only when every recipient was
 * accepted (1 otherwise, 2 on an error). Sizes: see {@link ClusterSettings#fromSystemProperties()}.
 */
public final class ClusterMain {

    private static final Logger LOG = LoggerFactory.getLogger("cluster");

    private ClusterMain() {
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = run(ClusterSettings.fromSystemProperties());
        } catch (Exception e) {
            LOG.error("The cluster example failed: {}", e.toString(), e);
            exitCode = 2;
        }
        System.exit(exitCode);
    }

    static int run(ClusterSettings settings) throws Exception {
        try (ClusterRun run = ClusterRun.start(settings)) {
            LOG.info("Shared by the nodes: {}", run.infrastructure().describe());
            LOG.info("Seeded: {} files of {} recipients on the SFTP drop, {} events on the queue; workspace budget {} requests"
                     + " per {} ms", settings.files(), settings.recipientsPerFile(), settings.events(), settings.budget(),
                     settings.window().toMillis());
            run.nodes().forEach(node -> LOG.info("Started {} (pid {}): {}", node.name(), node.pid(), node.describe()));
            if (settings.killMidFile()) {
                Optional<ClusterRun.Kill> kill = run.killFileReaderMidFile(settings.timeout());
                kill.ifPresentOrElse(k -> LOG.info("Killed {} with SIGKILL while it was sending {} ({} of its requests"
                                                   + " accepted)", k.node(), k.file(), k.acceptedRequestsOfFile()),
                                     () -> LOG.warn("No node was half-way through a file: nobody killed"));
            }
            boolean settled = run.awaitSettled(settings.timeout(), LOG::info);
            run.stopNodes();
            ClusterFigures figures = run.figures();
            ClusterSummary.print(LOG::info, settings, figures, settled);
            LOG.info("Node logs and reports: {}", settings.workDir().toAbsolutePath());
            return settled && figures.missingRecipients() == 0 ? 0 : 1;
        }
    }
}
