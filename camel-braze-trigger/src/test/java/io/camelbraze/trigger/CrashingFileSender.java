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
package io.camelbraze.trigger;

import java.io.File;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The node that crashes in {@link CrashRestartTest}: a separate JVM streaming one file to the fake Braze with a JDBC
 * idempotent repository, killed (SIGKILL) by the test half-way.
 * <p>
 * Arguments: Braze base URI, API key, JDBC URL of the repository, the file.
 */
public final class CrashingFileSender {

    private CrashingFileSender() {
    }

    public static void main(String[] args) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("repo", repository(args[2]));
        BrazeTriggerComponent component = new BrazeTriggerComponent();
        component.setBaseUri(args[0]);
        component.setApiKey(args[1]);
        context.addComponent("braze-trigger", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:file").to(CrashRestartTest.ENDPOINT);
            }
        });
        context.start();
        File file = new File(args[3]);
        context.createProducerTemplate().sendBodyAndHeader("direct:file", file, "CamelFileName", file.getName());
        System.out.println("finished without being killed");
        context.stop();
    }

    static JdbcMessageIdRepository repository(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        return new JdbcMessageIdRepository(dataSource, "braze-bulk");
    }
}
