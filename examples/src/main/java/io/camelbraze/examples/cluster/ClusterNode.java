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
import java.util.Optional;

import io.camelbraze.examples.infra.SharedDatabase;
import io.camelbraze.examples.routes.CampaignQueueRoute;
import io.camelbraze.examples.routes.SftpBatchRoute;
import io.camelbraze.examples.run.SendLedger;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

/**
 * One node of the cluster: a Camel Main application, started as its own JVM, running the same routes as every other node.
 * <ul>
 * <li>the SFTP drop, each file one streamed exchange, behind {@code master:braze-sftp:}: Camel's cluster service (the
 * file-lock one, {@code camel.cluster.file.*}, on a folder all nodes share) lets one node at a time consume, and hands
 * the consumer to another node when that one dies;</li>
 * <li>the queue of single events, consumed by every node, sent {@code batchSize} to a request, each message acknowledged
 * only once its route completed ({@code CLIENT_ACKNOWLEDGE}: a message of a killed node goes back to the queue);</li>
 * <li>one camel-sql {@link JdbcMessageIdRepository} in the shared database as the component's
 * {@code idempotentRepository}: the node that takes a file over skips every request Braze already accepted.</li>
 * </ul>
 * Settings come as system properties ({@code -Dcluster.node=node-1}, …, see {@link NodeProcess}); secrets (the Braze
 * API key, the SFTP password) only from environment variables, never from the command line.
 */
public final class ClusterNode {

    /** The idempotent repository's name in the registry. */
    public static final String REPOSITORY = "sentRequests";
    /** The processor name of the repository's rows: every node uses the same one, so that they share them. */
    public static final String REPOSITORY_NAME = "braze-cluster";
    /** The namespace of the cluster service the SFTP consumer runs under. */
    public static final String FILES_NAMESPACE = "braze-sftp";
    /** Environment variables the node reads its secrets from. */
    public static final String API_KEY_VARIABLE = "BRAZE_API_KEY";
    public static final String SFTP_PASSWORD_VARIABLE = "SFTP_PASSWORD";

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        String node = required("cluster.node");
        Path dir = Path.of(required("examples.workDir"));
        Files.createDirectories(dir);
        exitWithCoordinator(Long.getLong("cluster.coordinatorPid", -1));
        NodeReport report = new NodeReport(dir.resolve(NodeReport.FILE), node);

        Main main = new Main();
        main.addInitialProperty("camel.main.name", node);
        main.addInitialProperty("camel.main.shutdownTimeout", "10");
        // Camel's file-lock cluster service: the leader of a namespace holds a lock on a file in this shared folder
        main.addInitialProperty("camel.cluster.file.enabled", "true");
        main.addInitialProperty("camel.cluster.file.id", node);
        main.addInitialProperty("camel.cluster.file.root", required("cluster.lockRoot"));
        main.addInitialProperty("camel.cluster.file.acquireLockDelay", "1");
        main.addInitialProperty("camel.cluster.file.acquireLockInterval", "1");
        main.addInitialProperty("camel.cluster.file.heartbeatTimeoutMultiplier", "3");
        main.addInitialProperty("camel.component.braze-trigger.baseUri", required("braze.baseUri"));
        main.addInitialProperty("camel.component.braze-trigger.apiKey", "{{env:" + API_KEY_VARIABLE + "}}");
        main.addInitialProperty("sftp.password", "{{env:" + SFTP_PASSWORD_VARIABLE + "}}");

        // consumerWindowSize=0: no messages buffered in a consumer, so that the nodes share the queue as they go and a
        // killed node holds only what its consumers were processing
        ActiveMQConnectionFactory broker = new ActiveMQConnectionFactory(
                required("jms.url") + "?consumerWindowSize=0&blockOnAcknowledge=true");
        main.bind("jms", JmsComponent.jmsComponent(broker));
        main.bind(REPOSITORY, new JdbcMessageIdRepository(SharedDatabase.dataSource(required("cluster.jdbcUrl")),
                                                          REPOSITORY_NAME));

        main.configure().addRoutesBuilder(new SftpBatchRoute(
                "master:" + FILES_NAMESPACE + ":",
                "&maxConcurrentRequests=" + required("cluster.maxConcurrentRequests")
                + "&idempotentRepository=#" + REPOSITORY
                + "&idempotentKey=${header.CamelFileName}-${header.CamelFileLastModified}"));
        main.configure().addRoutesBuilder(new CampaignQueueRoute(
                "&concurrentConsumers=" + required("cluster.queueConsumers"),
                "&batchSize=" + required("cluster.batchSize")));

        SendLedger ledger = new SendLedger(report);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeStart(BaseMainSupport camel) {
                camel.getCamelContext().getManagementStrategy().addEventNotifier(ledger);
                report.started();
            }
        });
        main.run();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("A cluster node needs -D" + property);
        }
        return value;
    }

    /** A node never outlives the process that started it, even one killed without its shutdown hooks running. */
    private static void exitWithCoordinator(long coordinatorPid) {
        Optional<ProcessHandle> coordinator = ProcessHandle.of(coordinatorPid);
        if (coordinator.isEmpty()) {
            return;
        }
        Thread watchdog = new Thread(() -> {
            coordinator.get().onExit().join();
            Runtime.getRuntime().halt(3);
        }, "coordinator-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
