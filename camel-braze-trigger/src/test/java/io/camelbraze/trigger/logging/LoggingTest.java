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
package io.camelbraze.trigger.logging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelbraze.trigger.BrazeTriggerConstants;
import io.camelbraze.trigger.test.FakeBrazeExtension;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the component logs: one INFO line per producer start naming instance and endpoint, DEBUG lines per request with
 * counts and dispatch ids, and never a recipient identifier, attribute or context value, or the key, whatever happens
 * (401, 429, non-fatal errors, a paused-Canvas notice). All loggers (Camel's too) are captured at DEBUG.
 */
class LoggingTest extends CamelTestSupport {

    private static final String WRONG_KEY = "sk-wrong-DO-NOT-LEAK-42";
    private static final List<String> PII = List.of("pii-ext-4711", "pii.person@example.com", "PiiFirstName", "pii-order-99",
            "pii-alias-name");

    private static final String WIRE_LOGGER = "org.apache.hc.client5.http.wire";
    private static final String HEADERS_LOGGER = "org.apache.hc.client5.http.headers";

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension();

    private static final List<LogEvent> events = new CopyOnWriteArrayList<>();
    private static AbstractAppender capture;

    /** Before the CamelContext starts, so that the producers' start lines are captured too. */
    @BeforeAll
    static void captureAllLogs() {
        capture = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                events.add(event.toImmutable());
            }
        };
        capture.start();
        Logger root = (Logger) LogManager.getRootLogger();
        root.addAppender(capture);
        Configurator.setRootLevel(Level.DEBUG); // every logger, Camel's and the HTTP client's included...
        // ...except HttpClient's wire and header dumps, which print bodies and the Authorization header by design
        // (documented in docs/operating-in-production.md: keep them above DEBUG in production)
        Configurator.setLevel(Map.of(WIRE_LOGGER, Level.INFO, HEADERS_LOGGER, Level.INFO));
    }

    @AfterAll
    static void stopCapture() {
        Logger root = (Logger) LogManager.getRootLogger();
        root.removeAppender(capture);
        Configurator.setRootLevel(Level.WARN);
        Configurator.setLevel(Map.of(WIRE_LOGGER, Level.WARN, HEADERS_LOGGER, Level.WARN));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("braze-trigger:canvas?canvasId=cv-1");
                from("direct:bad").to("braze-trigger:canvas?canvasId=cv-2&maxRetries=0&apiKey=" + WRONG_KEY);
            }
        };
    }

    private static Object recipients() {
        return List.of(
                Map.of("external_user_id", "pii-ext-4711", "attributes", Map.of("first_name", "PiiFirstName"),
                        "context", Map.of("order_id", "pii-order-99")),
                Map.of("email", "pii.person@example.com", "prioritization", List.of("unidentified", "most_recently_updated"),
                        "context", Map.of("order_id", "pii-order-99")),
                Map.of("user_alias", Map.of("alias_name", "pii-alias-name", "alias_label", "crm")));
    }

    private static String line(LogEvent event) {
        return event.getLevel() + " " + event.getLoggerName() + " " + event.getMessage().getFormattedMessage()
               + (event.getThrown() == null ? "" : " " + event.getThrown());
    }

    @Test
    void noRecipientDataOrKeyInAnyLogLine() {
        braze.script().rateLimited(1, 1);
        braze.script().nonFatalErrors(1, "pii-ext-4711 is not subscribed");
        Exchange withErrors = template.request("direct:send", e -> e.getMessage().setBody(recipients()));
        braze.script().pausedCanvas(1);
        Exchange withNotice = template.request("direct:send", e -> e.getMessage().setBody(recipients()));
        Exchange unauthorized = template.request("direct:bad", e -> e.getMessage().setBody(recipients()));
        context.stop();

        assertThat(withErrors.getException()).isNull();
        assertThat(withErrors.getMessage().getHeader(BrazeTriggerConstants.ERRORS, List.class)).isNotEmpty();
        assertThat(withNotice.getMessage().getHeader(BrazeTriggerConstants.NOTICE, String.class)).isNotBlank();
        assertThat(unauthorized.getException()).isNotNull();
        braze.assertCanvasTriggered("cv-1").forExternalUserId("pii-ext-4711").times(2);

        List<String> lines = events.stream().map(LoggingTest::line).toList();
        assertThat(lines).as("log lines were captured at DEBUG").hasSizeGreaterThan(50);
        assertThat(lines).allSatisfy(line -> {
            for (String value : PII) {
                assertThat(line).doesNotContain(value);
            }
            assertThat(line).doesNotContain(WRONG_KEY).doesNotContain(braze.apiKey());
        });

        // one INFO line per producer start, naming the endpoint and the instance
        assertThat(events.stream().filter(e -> e.getLevel() == Level.INFO)
                .map(e -> e.getMessage().getFormattedMessage()).filter(m -> m.startsWith("Started braze-trigger")))
                .hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("canvasId cv-1").contains(braze.baseUri()))
                .anySatisfy(m -> assertThat(m).contains("canvasId cv-2"));
        // DEBUG per request: counts, the 429 and its retry, dispatch ids, the 401
        String dispatchId = withErrors.getMessage().getHeader(BrazeTriggerConstants.DISPATCH_ID, String.class);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("DEBUG").contains("3 recipient(s)").contains(dispatchId))
                .anySatisfy(l -> assertThat(l).startsWith("DEBUG").contains("429"))
                .anySatisfy(l -> assertThat(l).startsWith("DEBUG").contains("retrying in").contains("RATE_LIMIT"))
                .anySatisfy(l -> assertThat(l).startsWith("DEBUG").contains("AUTHENTICATION: HTTP 401"))
                .anySatisfy(l -> assertThat(l).startsWith("WARN").contains("HTTP 429 for a request of 3 recipient(s)")
                        .contains("retry 1 of 3 in"))
                .anySatisfy(l -> assertThat(l).startsWith("WARN").contains("1 non-fatal error(s)"))
                .anySatisfy(l -> assertThat(l).startsWith("WARN").contains("notice"));
    }
}
