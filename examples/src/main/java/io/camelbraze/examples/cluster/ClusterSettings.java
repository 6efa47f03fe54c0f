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

import java.nio.file.Path;
import java.time.Duration;

/**
 * The sizes of a cluster run: how many nodes, files, events; the workspace's budget; each node's endpoint options; and
 * whether to kill the node reading a file half-way. {@link #fromSystemProperties()} reads {@code -Dcluster.*} with the
 * example's defaults.
 *
 * @param nodes                 Camel Main JVMs started, each running the same routes
 * @param files                 NDJSON files dropped on the SFTP server
 * @param recipientsPerFile     recipients in each file
 * @param events                single-recipient JSON messages put on the queue
 * @param budget                requests the fake Braze allows per window, for the whole workspace
 * @param window                the fake Braze's rate-limit window (Braze's own is an hour)
 * @param maxConcurrentRequests the file route's {@code maxConcurrentRequests}: requests one file keeps in flight
 * @param queueConsumers        the queue route's {@code concurrentConsumers} on each node
 * @param batchSize             the queue route's {@code batchSize}
 * @param killMidFile           kill (SIGKILL) the node reading a file when about half of the file was accepted
 * @param timeout               how long to wait for every recipient to be accepted
 * @param workDir               where the run writes (emptied first)
 */
public record ClusterSettings(int nodes, int files, int recipientsPerFile, int events, int budget, Duration window,
                              int maxConcurrentRequests, int queueConsumers, int batchSize, boolean killMidFile,
                              Duration timeout, Path workDir) {

    /** The example's sizes, each overridable with {@code -Dcluster.<name>=…}. */
    public static ClusterSettings fromSystemProperties() {
        return new ClusterSettings(
                Integer.getInteger("cluster.nodes", 3),
                Integer.getInteger("cluster.files", 6),
                Integer.getInteger("cluster.recipientsPerFile", 2_000),
                Integer.getInteger("cluster.events", 2_000),
                Integer.getInteger("cluster.budget", 60),
                Duration.ofMillis(Long.getLong("cluster.windowMillis", 2_000)),
                Integer.getInteger("cluster.maxConcurrentRequests", 8),
                Integer.getInteger("cluster.queueConsumers", 50),
                Integer.getInteger("cluster.batchSize", 50),
                Boolean.parseBoolean(System.getProperty("cluster.killMidFile", "true")),
                Duration.ofSeconds(Long.getLong("cluster.timeoutSeconds", 180)),
                Path.of(System.getProperty("cluster.workDir", "cluster-run")));
    }

    /** Requests of 50 one file needs. */
    public int requestsPerFile() {
        return (recipientsPerFile + 49) / 50;
    }

    /**
     * The most file requests a SIGKILL can leave ambiguous (sent, answer never read, so sent again by the node that takes
     * the file over): the requests one file keeps in flight, {@code maxConcurrentRequests}.
     */
    public int fileRequestsInFlightBound() {
        return maxConcurrentRequests;
    }

    /**
     * The most queue messages a SIGKILL can leave ambiguous: each consumer holds one message until its batch's request
     * is answered, and an unacknowledged message goes back to the queue.
     */
    public int queueMessagesInFlightBound() {
        return queueConsumers;
    }
}
