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

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelbraze.trigger.test.FakeBraze;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production recipe of the docs (Operating in production) in Camel Main: the key set once as camel.component.braze-trigger.api-key from a
 * placeholder (a system property here, {{env:...}} or a vault function in production), every logger at DEBUG except the
 * ones the docs tell to pin at INFO. The key reaches the component, the route sends with it, and no log line (Camel
 * Main's startup summary included), no endpoint URI, carries it.
 */
class MainSecretsTest {

    private static final String KEY = "sk-live-MAIN-0123456789";

    @Test
    void aKeyFromApplicationPropertiesIsPrintedNowhere() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        AbstractAppender capture = new AbstractAppender("capture-main", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(event.getLoggerName() + ": " + event.getMessage().getFormattedMessage()
                          + (event.getThrown() == null ? "" : " " + event.getThrown()));
            }
        };
        capture.start();
        Logger root = (Logger) LogManager.getRootLogger();
        root.addAppender(capture);
        System.setProperty("braze.main.test.key", KEY);
        try (FakeBraze braze = FakeBraze.builder().apiKey(KEY).build().start()) {
            Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.DEBUG);
            // the docs' list
            Configurator.setLevel("org.apache.camel.component.properties", Level.INFO);
            Configurator.setLevel("org.apache.camel.impl.engine.DefaultCamelContextExtension", Level.INFO);
            Configurator.setLevel("org.apache.hc.client5.http.wire", Level.INFO);
            Configurator.setLevel("org.apache.hc.client5.http.headers", Level.INFO);

            Main main = new Main();
            main.addInitialProperty("camel.component.braze-trigger.api-key", "{{sys:braze.main.test.key}}");
            main.addInitialProperty("camel.component.braze-trigger.base-uri", braze.baseUri());
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").to("braze-trigger:canvas?canvasId=cv-main&maxRetries=0");
                }
            });
            main.start();
            try {
                main.getCamelTemplate().sendBody("direct:send", Map.of("external_user_id", "1"));
                braze.assertCanvasTriggered("cv-main").forExternalUserId("1").times(1);
                for (Endpoint endpoint : main.getCamelContext().getEndpoints()) {
                    assertThat(endpoint.getEndpointUri()).doesNotContain(KEY).doesNotContainIgnoringCase("apiKey");
                }
            } finally {
                main.stop();
            }
        } finally {
            root.removeAppender(capture);
            Configurator.reconfigure();
            System.clearProperty("braze.main.test.key");
        }
        assertThat(lines).as("Camel Main's startup summary, masked")
                .anySatisfy(line -> assertThat(line).contains("camel.component.braze-trigger.apiKey = xxxxxx"));
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain(KEY));
    }

    /**
     * Why the key belongs in a placeholder, not literally in application.properties: at DEBUG, Camel Main lists the
     * properties it read and applied as written, so a literal key is printed (by BaseMainSupport and MainHelper), while a
     * placeholder is printed unresolved, as in the test above.
     */
    @Test
    void aLiteralKeyInApplicationPropertiesIsPrintedByCamelMainAtDebug() throws Exception {
        List<String> leaks = new CopyOnWriteArrayList<>();
        AbstractAppender capture = new AbstractAppender("capture-main-literal", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getMessage().getFormattedMessage().contains(KEY)) {
                    leaks.add(event.getLoggerName() + "@" + event.getLevel());
                }
            }
        };
        capture.start();
        Logger root = (Logger) LogManager.getRootLogger();
        root.addAppender(capture);
        try (FakeBraze braze = FakeBraze.builder().apiKey(KEY).build().start()) {
            Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.DEBUG);
            Configurator.setLevel("org.apache.hc.client5.http.wire", Level.INFO);
            Configurator.setLevel("org.apache.hc.client5.http.headers", Level.INFO);
            Main main = new Main();
            main.addInitialProperty("camel.component.braze-trigger.api-key", KEY);
            main.addInitialProperty("camel.component.braze-trigger.base-uri", braze.baseUri());
            main.start();
            main.stop();
        } finally {
            root.removeAppender(capture);
            Configurator.reconfigure();
        }
        assertThat(leaks).isNotEmpty().allSatisfy(leak -> assertThat(leak)
                .isIn("org.apache.camel.main.BaseMainSupport@DEBUG", "org.apache.camel.main.MainHelper@DEBUG"));
    }
}
