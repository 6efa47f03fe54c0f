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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.camelbraze.examples.infra.EmbeddedSftpServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three nodes, each a Camel Main JVM of its own, share one SFTP drop (10 files of 5,000 recipients), one queue (5,000
 * single events, sent in batches of 50) and one Braze workspace budget; the node reading a file is killed with SIGKILL
 * half-way through it. The fake Braze's journal is the ground truth: every recipient accepted; the only recipients
 * accepted twice are those of requests in flight on the killed node at the kill (Braze has no idempotency key), at most
 * its file's {@code maxConcurrentRequests} requests and its queue consumers' messages; another node took the file over
 * and skipped what the shared repository recorded; and the three nodes together drew at most 1 % of 429s and used at
 * least 90 % of the budget over the run, the nodes' cold start included; only the windows of the takeover, when no node
 * may read files, are left out (see {@link ClusterFigures}; the figure counting them is printed beside it).
 */
class ClusterKillTest {

    private static final int BUDGET = 50;
    private static final Duration WINDOW = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @Test
    @Timeout(170)
    void aNodeKilledHalfWayThroughAFileLosesNothingAndDoublesOnlyWhatItHadInFlight() throws Exception {
        ClusterSettings settings = new ClusterSettings(3, 10, 5_000, 5_000, BUDGET, WINDOW, 8, 50, 50, true,
                                                       Duration.ofSeconds(120), dir.resolve("cluster-run"));
        long started = System.nanoTime();
        ClusterFigures figures;
        Optional<ClusterRun.Kill> kill;
        boolean settled;
        String apiKey;
        List<NodeProcess> nodes;
        try (ClusterRun run = ClusterRun.start(settings)) {
            apiKey = run.infrastructure().braze().apiKey();
            nodes = run.nodes();
            kill = run.killFileReaderMidFile(Duration.ofSeconds(90));
            settled = run.awaitSettled(Duration.ofSeconds(120), System.out::println);
            run.stopNodes();
            figures = run.figures();
        }
        assertThat(nodes).as("no node left running").noneMatch(NodeProcess::isAlive);
        for (NodeProcess node : nodes) {
            assertThat(node.describe()).as("command line of " + node.name()).doesNotContain(apiKey)
                    .doesNotContain(EmbeddedSftpServer.PASSWORD);
            assertThat(Files.readString(node.dir().resolve("node.log"))).as("log of " + node.name())
                    .doesNotContain(apiKey).doesNotContain(EmbeddedSftpServer.PASSWORD);
        }
        ClusterSummary.print(System.out::println, settings, figures, settled);
        System.out.printf("Cluster kill test: %d nodes, %,d recipients, %,d requests (%,d accepted), %d recipients accepted"
                          + " twice from %d file requests (bound %d) and %d queue events (bound %d), 429s %.2f %%,"
                          + " budget use %.1f %% over %d windows (%.1f %% counting the %d windows of the takeover), takeover %s,"
                          + " whole test %d s%n",
                          settings.nodes(), figures.expectedRecipients(), figures.requests(), figures.acceptedRequests(),
                          figures.duplicatedRecipients(), figures.duplicatedFileRequests(),
                          settings.fileRequestsInFlightBound(), figures.duplicatedEvents(),
                          settings.queueMessagesInFlightBound(), 100 * figures.rateLimitedShare(), 100 * figures.budgetUse(),
                          figures.measuredWindows(), 100 * figures.budgetUseWithTakeover(), figures.takeoverWindows(),
                          figures.takeover(),
                          Duration.ofNanos(System.nanoTime() - started).toSeconds());

        assertThat(kill).as("a node was killed half-way through a file").isPresent();
        assertThat(settled).as("every recipient accepted and every file done in time").isTrue();
        assertThat(figures.missingRecipients()).as("recipients never accepted").isZero();
        assertThat(figures.duplicatesAllInFlightAtKill())
                .as("every recipient accepted twice was first accepted in a request in flight at the kill").isTrue();
        assertThat(figures.duplicatedFileRequests()).as("file requests sent twice")
                .isLessThanOrEqualTo(settings.fileRequestsInFlightBound());
        assertThat(figures.duplicatedEvents()).as("queue events sent twice")
                .isLessThanOrEqualTo(settings.queueMessagesInFlightBound());
        assertThat(figures.takeover()).as("another node took the file over").isNotNull();
        assertThat(figures.nodes().get(kill.get().node()).killed()).isTrue();
        assertThat(figures.rateLimitedShare()).as("share of requests answered 429").isLessThanOrEqualTo(0.01);
        assertThat(figures.measuredWindows()).as("windows of the run to measure").isGreaterThanOrEqualTo(10);
        assertThat(figures.budgetUse()).as("use of the workspace's budget over the run, cold start included, the takeover's"
                                           + " windows left out")
                .isGreaterThanOrEqualTo(0.9);
    }
}
