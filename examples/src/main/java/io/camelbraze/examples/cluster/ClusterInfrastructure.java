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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.camelbraze.examples.infra.EmbeddedBroker;
import io.camelbraze.examples.infra.EmbeddedSftpServer;
import io.camelbraze.examples.infra.SharedDatabase;
import io.camelbraze.examples.routes.SftpBatchRoute;
import io.camelbraze.trigger.test.FakeBraze;

/**
 * What the nodes share, started by the coordinator on free loopback ports: the SFTP drop (MINA SSHD), an Artemis broker
 * over TCP, an H2 database in server mode for the idempotent repository, the fake Braze with a workspace budget told in
 * its {@code X-RateLimit-*} headers (its journal is the ground truth of what Braze accepted), and the folder the
 * file-lock cluster service locks in.
 */
public final class ClusterInfrastructure implements AutoCloseable {

    /** Canvas and campaign the nodes trigger (any id exists in the fake). */
    static final String CANVAS_ID = "cluster-canvas";
    static final String CAMPAIGN_ID = "cluster-campaign";

    private final Path workDir;
    private final EmbeddedSftpServer sftp;
    private final EmbeddedBroker broker;
    private final SharedDatabase database;
    private final FakeBraze braze;

    private ClusterInfrastructure(Path workDir, EmbeddedSftpServer sftp, EmbeddedBroker broker, SharedDatabase database,
                                  FakeBraze braze) {
        this.workDir = workDir;
        this.sftp = sftp;
        this.broker = broker;
        this.database = database;
        this.braze = braze;
    }

    /** Starts everything; on a failure, stops what was started. */
    public static ClusterInfrastructure start(ClusterSettings settings, Path workDir) throws Exception {
        EmbeddedSftpServer sftp = null;
        EmbeddedBroker broker = null;
        SharedDatabase database = null;
        try {
            sftp = EmbeddedSftpServer.start(workDir.resolve("sftp-root"));
            Files.createDirectories(sftp.root().resolve(SftpBatchRoute.REMOTE_DIR));
            broker = EmbeddedBroker.startWithTcp(workDir.resolve("broker"));
            database = SharedDatabase.start();
            // a key made up for this run: the nodes get it from their environment, nobody prints it
            FakeBraze braze = FakeBraze.builder().apiKey("cluster-" + UUID.randomUUID())
                    .rateLimited(settings.budget(), settings.window()).build().start();
            return new ClusterInfrastructure(workDir, sftp, broker, database, braze);
        } catch (Exception e) {
            closeQuietly(database);
            closeQuietly(broker);
            closeQuietly(sftp);
            throw e;
        }
    }

    /** The system properties every node gets (no secret among them). */
    public Map<String, String> nodeProperties(ClusterSettings settings) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("braze.baseUri", braze.baseUri());
        properties.put("braze.canvasId", CANVAS_ID);
        properties.put("braze.campaignId", CAMPAIGN_ID);
        properties.put("sftp.host", "127.0.0.1");
        properties.put("sftp.port", Integer.toString(sftp.port()));
        properties.put("sftp.user", EmbeddedSftpServer.USER);
        properties.put("jms.url", broker.tcpUrl());
        properties.put("cluster.jdbcUrl", database.url());
        properties.put("cluster.lockRoot", workDir.resolve("cluster-lock").toAbsolutePath().toString());
        properties.put("cluster.maxConcurrentRequests", Integer.toString(settings.maxConcurrentRequests()));
        properties.put("cluster.queueConsumers", Integer.toString(settings.queueConsumers()));
        properties.put("cluster.batchSize", Integer.toString(settings.batchSize()));
        return properties;
    }

    /** The environment variables every node gets: its secrets. */
    public Map<String, String> nodeSecrets() {
        return Map.of(ClusterNode.API_KEY_VARIABLE, braze.apiKey(),
                      ClusterNode.SFTP_PASSWORD_VARIABLE, EmbeddedSftpServer.PASSWORD);
    }

    /** The SFTP server's {@code /batches}, on local disk. */
    public Path batches() {
        return sftp.root().resolve(SftpBatchRoute.REMOTE_DIR);
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    public FakeBraze braze() {
        return braze;
    }

    /** Where each service listens, for the log (no secret). */
    public String describe() {
        return "SFTP 127.0.0.1:" + sftp.port() + ", Artemis " + broker.tcpUrl() + ", H2 " + database.url()
               + ", fake Braze " + braze.baseUri();
    }

    @Override
    public void close() {
        braze.stop();
        closeQuietly(database);
        closeQuietly(broker);
        closeQuietly(sftp);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // stopping: nothing left to do about it
        }
    }
}
