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

import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;

/**
 * An H2 database in server mode on a free loopback port: several JVMs reach the same in-memory database over TCP, as
 * they would reach PostgreSQL. It holds the table of camel-sql's {@link JdbcMessageIdRepository}
 * ({@code CAMEL_MESSAGEPROCESSED}), created here once, before any node starts, so that nodes starting together do not
 * race to create it.
 */
public final class SharedDatabase implements AutoCloseable {

    private final Server server;
    private final String url;

    private SharedDatabase(Server server, String url) {
        this.server = server;
        this.url = url;
    }

    /** Starts the server and creates the idempotent repository's table. */
    public static SharedDatabase start() throws SQLException {
        Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        String url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:braze-cluster-" + UUID.randomUUID()
                     + ";DB_CLOSE_DELAY=-1";
        SharedDatabase database = new SharedDatabase(server, url);
        JdbcMessageIdRepository tableMaker = new JdbcMessageIdRepository(database.dataSource(), "table-check");
        tableMaker.start();
        tableMaker.stop();
        return database;
    }

    /** The JDBC URL every node connects to (no credentials: the database listens on 127.0.0.1 only). */
    public String url() {
        return url;
    }

    /** A data source on this database, one connection per use. */
    public DataSource dataSource() {
        return dataSource(url);
    }

    /** A data source for {@code url}, as a node makes it. */
    public static DataSource dataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        return dataSource;
    }

    @Override
    public void close() {
        server.stop();
    }
}
