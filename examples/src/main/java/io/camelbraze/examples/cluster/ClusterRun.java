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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.camelbraze.examples.ExampleEnvironment;
import io.camelbraze.examples.routes.SftpBatchRoute;
import io.camelbraze.trigger.test.FakeBraze;

/**
 * A cluster at work: the shared services up, the files dropped and the events queued, then the nodes started as
 * separate processes. It can kill the node reading a file half-way ({@link #killFileReaderMidFile}), waits until Braze
 * accepted every recipient ({@link #awaitSettled}), and stops every node it started when closed, or from a shutdown hook
 * if this JVM exits first.
 */
public final class ClusterRun implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    /** The node killed, the file it was reading, when, and how many of the file's requests Braze had accepted by then. */
    public record Kill(String node, String file, Instant at, int acceptedRequestsOfFile) {
    }

    private final ClusterSettings settings;
    private final Workload workload;
    private final ClusterInfrastructure infrastructure;
    private final List<NodeProcess> nodes = new ArrayList<>();
    private final Thread stopNodesOnExit = new Thread(this::killNodesNow, "cluster-nodes-stop");
    private final Instant startedAt = Instant.now();
    private Kill kill;

    private ClusterRun(ClusterSettings settings, Workload workload, ClusterInfrastructure infrastructure) {
        this.settings = settings;
        this.workload = workload;
        this.infrastructure = infrastructure;
    }

    /** Starts the shared services, seeds the work, then starts the nodes. */
    public static ClusterRun start(ClusterSettings settings) throws Exception {
        Path dir = ExampleEnvironment.prepareWorkDir(settings.workDir());
        Workload workload = new Workload(settings);
        ClusterRun run = new ClusterRun(settings, workload, ClusterInfrastructure.start(settings, dir));
        try {
            Runtime.getRuntime().addShutdownHook(run.stopNodesOnExit);
            workload.dropFiles(run.infrastructure.batches());
            workload.sendEvents(run.infrastructure.broker().connectionFactory());
            Map<String, String> properties = run.infrastructure.nodeProperties(settings);
            for (int i = 1; i <= settings.nodes(); i++) {
                String name = "node-" + i;
                run.nodes.add(NodeProcess.start(name, dir.resolve(name), properties, run.infrastructure.nodeSecrets()));
            }
            return run;
        } catch (Exception e) {
            run.close();
            throw e;
        }
    }

    public List<NodeProcess> nodes() {
        return List.copyOf(nodes);
    }

    public ClusterInfrastructure infrastructure() {
        return infrastructure;
    }

    public Workload workload() {
        return workload;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Optional<Kill> kill() {
        return Optional.ofNullable(kill);
    }

    /** The figures of the run so far: complete once {@link #stopNodes()} returned. */
    public ClusterFigures figures() {
        return ClusterFigures.of(settings, workload, infrastructure.braze().allRequests(), reports(), kill());
    }

    /** Every node's report so far. */
    public Map<String, List<NodeReport.Event>> reports() {
        return NodeReport.readAll(nodes.stream().map(NodeProcess::dir).toList());
    }

    /**
     * Waits until a node is reading a file of which Braze accepted between 40 % and 70 % of the requests (and, when there
     * are enough files, two files were already sent, so that the budget is shared by then), and kills that node with
     * SIGKILL.
     *
     * @return the kill, or empty when no such moment came within {@code timeout}
     */
    public Optional<Kill> killFileReaderMidFile(Duration timeout) throws InterruptedException {
        int filesBefore = Math.min(2, settings.files() - 1);
        int from = (int) Math.ceil(settings.requestsPerFile() * 0.4);
        int to = (int) Math.floor(settings.requestsPerFile() * 0.7);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<NodeReport.Event> events = reports().values().stream().flatMap(List::stream).toList();
            Set<String> sent = new HashSet<>();
            events.stream().filter(e -> "sent".equals(e.kind()) && SftpBatchRoute.ROUTE_ID.equals(e.route()))
                    .forEach(e -> sent.add(e.input()));
            Optional<NodeReport.Event> reading = events.stream()
                    .filter(e -> "reading".equals(e.kind()) && !sent.contains(e.input()))
                    .max(Comparator.comparingLong(NodeReport.Event::at));
            if (reading.isPresent() && sent.size() >= filesBefore) {
                int accepted = acceptedRequestsOf(reading.get().input());
                if (accepted >= from && accepted <= to) {
                    NodeProcess node = node(reading.get().node());
                    Instant at = Instant.now();
                    node.kill();
                    kill = new Kill(node.name(), reading.get().input(), at, accepted);
                    return Optional.of(kill);
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        return Optional.empty();
    }

    /**
     * Waits until Braze accepted every recipient at least once and every file was moved to {@code .done}, telling
     * {@code progress} how far it got every two seconds.
     *
     * @return false when that did not happen within {@code timeout}
     */
    public boolean awaitSettled(Duration timeout, Consumer<String> progress) throws InterruptedException, IOException {
        Set<String> expected = workload.expectedRecipients();
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextProgress = 0;
        while (System.nanoTime() < deadline) {
            Set<String> accepted = new HashSet<>();
            infrastructure.braze().acceptedRecipients().forEach(r -> accepted.add(r.externalUserId()));
            long missing = expected.stream().filter(id -> !accepted.contains(id)).count();
            long done = filesIn(infrastructure.batches().resolve(".done"));
            boolean settled = missing == 0 && done == settings.files();
            if (settled || System.nanoTime() >= nextProgress) {
                progress.accept(String.format("progress: %,d of %,d recipients accepted, %d of %d files done, %d nodes alive",
                                              expected.size() - missing, expected.size(), done, settings.files(),
                                              nodes.stream().filter(NodeProcess::isAlive).count()));
                nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
            if (settled) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Stops every node still running (SIGTERM, then SIGKILL after 15 s). */
    public void stopNodes() throws InterruptedException {
        for (NodeProcess node : nodes) {
            node.stop(Duration.ofSeconds(15));
        }
    }

    @Override
    public void close() {
        try {
            stopNodes();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killNodesNow();
        } finally {
            infrastructure.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopNodesOnExit);
            } catch (IllegalStateException alreadyExiting) {
                // the hook is running or has run
            }
        }
    }

    private void killNodesNow() {
        nodes.forEach(NodeProcess::killNow);
    }

    private NodeProcess node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No node " + name));
    }

    private int acceptedRequestsOf(String file) {
        FakeBraze braze = infrastructure.braze();
        return (int) braze.requests().stream().filter(r -> file.equals(workload.fileOf(r))).count();
    }

    private static long filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ndjson")).count();
        }
    }
}
