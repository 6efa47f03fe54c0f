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

import io.camelbraze.trigger.test.FakeBrazeExtension;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key never appears in a log line (at any level, Camel's own included), an exception message, toString() or an
 * endpoint URI, even when Braze echoes it back.
 */
class SecretsTest extends CamelTestSupport {

    private static final String KEY = "sk-live-DO-NOT-LEAK-0123456789";

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension();

    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private AbstractAppender capture;

    @BeforeEach
    void captureAllLogs() {
        capture = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                logLines.add(event.getMessage().getFormattedMessage()
                             + (event.getThrown() == null ? "" : " " + event.getThrown()));
            }
        };
        capture.start();
        Logger root = (Logger) LogManager.getRootLogger();
        root.addAppender(capture);
        // every logger at DEBUG (Camel's, HttpClient's, ours), except HttpClient's wire and header dumps, which print
        // the Authorization header by design: the docs (Operating in production) tell to keep those off in production
        Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.DEBUG);
        Configurator.setLevel("org.apache.hc.client5.http.wire", Level.INFO);
        Configurator.setLevel("org.apache.hc.client5.http.headers", Level.INFO);
    }

    @AfterEach
    void stopCapture() {
        Logger root = (Logger) LogManager.getRootLogger();
        root.removeAppender(capture);
        Configurator.reconfigure();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("braze-trigger:canvas?canvasId=cv-1&apiKey=" + KEY + "&maxRetries=0");
            }
        };
    }

    @Test
    void theKeyIsNowhere() {
        // the fake knows another key: it answers 401 and echoes the key it was given, as real Braze did
        Exchange result = template.request("direct:send", e -> e.getMessage().setBody(Map.of("external_user_id", "1")));

        assertThat(result.getException()).isInstanceOf(BrazeApiException.class);
        assertThat(result.getException().getMessage()).doesNotContain(KEY);
        assertThat(String.valueOf(((BrazeApiException) result.getException()).getBrazeMessage())).doesNotContain(KEY);
        assertThat(braze.rejectedRequests().get(0).status()).isEqualTo(401);

        for (Endpoint endpoint : context.getEndpoints()) {
            assertThat(endpoint.toString()).doesNotContain(KEY);
            if (endpoint instanceof BrazeTriggerEndpoint braze) {
                assertThat(braze.getConfiguration().toString()).doesNotContain(KEY);
                assertThat(braze.getServiceUrl()).doesNotContain(KEY);
                assertThat(braze.getServiceMetadata().toString()).doesNotContain(KEY);
            }
        }
        assertThat(context.getRoutes().get(0).getEndpoint().toString()).doesNotContain(KEY);
        context.stop();
        assertThat(logLines).as("log lines were captured").isNotEmpty();
        assertThat(logLines).allSatisfy(line -> assertThat(line).doesNotContain(KEY));
    }
}
