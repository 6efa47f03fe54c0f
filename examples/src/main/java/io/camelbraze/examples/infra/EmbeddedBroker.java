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
package io.camelbraze.examples.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * An Apache ActiveMQ Artemis broker inside this JVM, reachable through its in-VM acceptor and, when started with
 * {@link #startWithTcp(Path)}, over TCP on a free loopback port (for other processes: the cluster example's nodes).
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final AtomicInteger SERVER_IDS = new AtomicInteger(100);

    private final EmbeddedActiveMQ server;
    private final String url;
    private final String tcpUrl;

    private EmbeddedBroker(EmbeddedActiveMQ server, String url, String tcpUrl) {
        this.server = server;
        this.url = url;
        this.tcpUrl = tcpUrl;
    }

    /** Starts a non-persistent broker; {@code dataDir} only receives what Artemis insists on writing. */
    public static EmbeddedBroker start(Path dataDir) throws Exception {
        return start(dataDir, null);
    }

    /** As {@link #start(Path)}, plus a TCP acceptor on a free port of 127.0.0.1 ({@link #tcpUrl()}). */
    public static EmbeddedBroker startWithTcp(Path dataDir) throws Exception {
        return start(dataDir, "tcp://127.0.0.1:" + FreePort.find());
    }

    private static EmbeddedBroker start(Path dataDir, String tcpUrl) throws Exception {
        int serverId = SERVER_IDS.incrementAndGet();
        String url = "vm://" + serverId;
        Configuration config = new ConfigurationImpl()
                .setName("examples-broker-" + serverId)
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large").toString())
                .addAcceptorConfiguration("in-vm", url);
        if (tcpUrl != null) {
            config.addAcceptorConfiguration("tcp", tcpUrl);
        }
        EmbeddedActiveMQ server = new EmbeddedActiveMQ();
        server.setConfiguration(config);
        server.start();
        return new EmbeddedBroker(server, url, tcpUrl);
    }

    /** The broker's TCP address, {@code tcp://127.0.0.1:<port>}, or null when started without TCP. */
    public String tcpUrl() {
        return tcpUrl;
    }

    public ConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(url);
    }

    /** How many messages wait on a queue, counted with a browser (nothing is consumed). */
    public int depth(String queue) throws JMSException {
        return propertyValues(queue, "JMSMessageID").size();
    }

    /**
     * Messages the broker holds for the queue: waiting, and delivered to a consumer but not acknowledged yet (they go
     * back to the queue if that consumer's connection dies). 0 if the queue does not exist.
     */
    public long held(String queue) {
        org.apache.activemq.artemis.core.server.Queue held = server.getActiveMQServer().locateQueue(queue);
        return held == null ? 0 : held.getMessageCount();
    }

    /**
     * One entry per message waiting on the queue (browsed, not consumed): the value of its string property
     * {@code property}, or its message id for {@code JMSMessageID}.
     */
    public List<String> propertyValues(String queue, String property) throws JMSException {
        try (Connection connection = connectionFactory().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
                List<String> values = new ArrayList<>();
                for (Object message : Collections.list(browser.getEnumeration())) {
                    Message jms = (Message) message;
                    values.add("JMSMessageID".equals(property) ? jms.getJMSMessageID() : jms.getStringProperty(property));
                }
                return values;
            }
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
