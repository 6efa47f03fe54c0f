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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

import io.camelbraze.examples.infra.EmbeddedBroker;
import io.camelbraze.examples.infra.EmbeddedSftpServer;
import io.camelbraze.examples.infra.OutboxDatabase;
import io.camelbraze.examples.routes.OutboxRoute;
import io.camelbraze.examples.routes.SftpBatchRoute;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;

/**
 * Everything the example routes read from, embedded: a work folder for the file inboxes, an Artemis broker, an SFTP
 * server and the outbox database. Nothing listens beyond 127.0.0.1.
 */
public final class ExampleEnvironment implements AutoCloseable {

    /** Marks a folder this class created, so that it only ever empties its own. */
    private static final String MARKER = ".camel-braze-examples";

    private final Path workDir;
    private final EmbeddedBroker broker;
    private final EmbeddedSftpServer sftp;
    private final OutboxDatabase database;

    private ExampleEnvironment(Path workDir, EmbeddedBroker broker, EmbeddedSftpServer sftp, OutboxDatabase database) {
        this.workDir = workDir;
        this.broker = broker;
        this.sftp = sftp;
        this.database = database;
    }

    /**
     * Empties {@code workDir} and starts the broker, the SFTP server and the database ({@code jdbcUrl} null: embedded
     * H2).
     */
    public static ExampleEnvironment start(Path workDir, String jdbcUrl, String jdbcUser, String jdbcPassword)
            throws Exception {
        Path dir = prepareWorkDir(workDir);
        EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"));
        EmbeddedSftpServer sftp = EmbeddedSftpServer.start(dir.resolve("sftp-root"));
        Files.createDirectories(sftp.root().resolve(SftpBatchRoute.REMOTE_DIR));
        OutboxDatabase database = OutboxDatabase.open(jdbcUrl, jdbcUser, jdbcPassword);
        return new ExampleEnvironment(dir, broker, sftp, database);
    }

    /** Placeholders the routes use: {@code examples.workDir} and {@code sftp.*}. */
    public Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("examples.workDir", workDir.toString());
        properties.setProperty("sftp.host", "127.0.0.1");
        properties.setProperty("sftp.port", Integer.toString(sftp.port()));
        properties.setProperty("sftp.user", EmbeddedSftpServer.USER);
        properties.setProperty("sftp.password", EmbeddedSftpServer.PASSWORD);
        return properties;
    }

    /** Registers the {@code jms} component and the outbox data source. */
    public void bindTo(CamelContext context) {
        context.addComponent("jms", JmsComponent.jmsComponentAutoAcknowledge(broker.connectionFactory()));
        context.getRegistry().bind(OutboxRoute.DATA_SOURCE, database.dataSource());
    }

    public Path workDir() {
        return workDir;
    }

    /** {@code <workDir>/<folder>}, e.g. {@code orders}: holds inbox/, done/, rejects/. */
    public Path filesFolder(String folder) {
        return workDir.resolve(folder);
    }

    /** The SFTP server's {@code /batches} folder, on local disk. */
    public Path sftpBatches() {
        return sftp.root().resolve(SftpBatchRoute.REMOTE_DIR);
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    public EmbeddedSftpServer sftp() {
        return sftp;
    }

    public OutboxDatabase database() {
        return database;
    }

    @Override
    public void close() throws Exception {
        sftp.close();
        broker.close();
    }

    /**
     * Empties {@code workDir} (refusing a folder the examples did not create) and marks it as theirs; returns its absolute
     * path.
     */
    public static Path prepareWorkDir(Path workDir) throws IOException {
        Path dir = workDir.toAbsolutePath();
        deleteRecursively(dir);
        Files.createDirectories(dir);
        Files.createFile(dir.resolve(MARKER));
        return dir;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent() && !Files.exists(dir.resolve(MARKER))) {
                throw new IllegalStateException("Refusing to empty " + dir + ": it was not created by the examples");
            }
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
