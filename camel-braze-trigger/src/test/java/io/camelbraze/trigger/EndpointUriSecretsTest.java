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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A key given on an endpoint URI (the docs advise against it: set it on the component) stays out of the URI the
 * endpoint reports, and so out of the CamelToEndpoint / CamelFailureEndpoint exchange properties, while that URI still
 * resolves, through Camel, to an endpoint with the same key. What the platform itself prints (the properties parser at
 * DEBUG) is pinned down here too, as the docs say.
 */
class EndpointUriSecretsTest extends CamelTestSupport {

    /** A key with the characters that need RAW(...) on a URI. */
    private static final String KEY = "sk-live-URI-&+-0123456789";
    private static final String OTHER_KEY = "sk-live-OTHER-0123456789";

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder().apiKey(KEY));

    private final List<Exchange> deadLetters = new CopyOnWriteArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("direct:dead").disableRedelivery());
                from("direct:dead").process(deadLetters::add);
                from("direct:send").to("braze-trigger:canvas?canvasId=cv-1&maxRetries=0&apiKey=RAW(" + KEY + ")")
                        .to("mock:sent");
                from("direct:other").to("braze-trigger:canvas?canvasId=cv-1&maxRetries=0&apiKey=" + OTHER_KEY);
            }
        };
    }

    private static Map<String, Object> recipient() {
        return Map.of("external_user_id", "1");
    }

    @Test
    void theReportedUriShowsAStandInAndTheSendUsesTheKey() throws Exception {
        MockEndpoint sent = getMockEndpoint("mock:sent");
        sent.expectedMessageCount(1);

        template.sendBody("direct:send", recipient());

        sent.assertIsSatisfied();
        braze.assertCanvasTriggered("cv-1").forExternalUserId("1").times(1);
        Exchange exchange = sent.getReceivedExchanges().get(0);
        // the property the mock saw is the mock's own; the last braze-trigger one is in the message history of the event
        for (Endpoint endpoint : context.getEndpoints()) {
            assertThat(endpoint.getEndpointUri()).doesNotContain(KEY).doesNotContain(OTHER_KEY);
            assertThat(endpoint.getEndpointKey()).doesNotContain(KEY).doesNotContain(OTHER_KEY);
        }
        BrazeTriggerEndpoint endpoint = brazeEndpoint("cv-1", KEY);
        assertThat(endpoint.getEndpointUri()).matches("braze-trigger://canvas\\?apiKey=redacted-\\d+&canvasId=cv-1&maxRetries=0");
        assertThat(exchange.getProperties().toString()).doesNotContain(KEY);
    }

    @Test
    void camelToEndpointHoldsTheStandIn() {
        List<String> seen = new ArrayList<>();
        context.getManagementStrategy().addEventNotifier(
                new org.apache.camel.support.EventNotifierSupport() {
                    @Override
                    public void notify(org.apache.camel.spi.CamelEvent event) {
                        if (event instanceof org.apache.camel.spi.CamelEvent.ExchangeSentEvent sentEvent) {
                            seen.add(String.valueOf(sentEvent.getExchange().getProperty(ExchangePropertyKey.TO_ENDPOINT)));
                            seen.add(sentEvent.getEndpoint().getEndpointUri());
                        }
                    }
                });

        template.sendBody("direct:send", recipient());

        assertThat(seen).anySatisfy(uri -> assertThat(uri).startsWith("braze-trigger://canvas?apiKey=redacted-"));
        assertThat(seen).allSatisfy(uri -> assertThat(uri).doesNotContain(KEY));
    }

    @Test
    void aFailedSendsDeadLetterCarriesNoKey() {
        template.sendBody("direct:other", recipient()); // OTHER_KEY: the fake answers 401

        assertThat(deadLetters).hasSize(1);
        Exchange dead = deadLetters.get(0);
        assertThat(dead.getProperty(ExchangePropertyKey.FAILURE_ENDPOINT, String.class))
                .startsWith("braze-trigger://canvas?apiKey=redacted-");
        assertThat(dead.getProperties().toString()).doesNotContain(OTHER_KEY);
        assertThat(dead.getMessage().getHeaders().toString()).doesNotContain(OTHER_KEY);
        assertThat(String.valueOf(dead.getProperty(Exchange.EXCEPTION_CAUGHT))).doesNotContain(OTHER_KEY);
    }

    @Test
    void theReportedUriResolvesToAnEndpointWithTheSameKey() throws Exception {
        BrazeTriggerEndpoint endpoint = brazeEndpoint("cv-1", KEY);

        // what Camel does with a producer template's default endpoint, or a dynamic recipient given as an endpoint
        BrazeTriggerEndpoint again = context.getEndpoint(endpoint.getEndpointUri(), BrazeTriggerEndpoint.class);
        assertThat(again.getConfiguration().getApiKey()).isEqualTo(KEY);
        assertThat(again.getEndpointUri()).isEqualTo(endpoint.getEndpointUri());
        assertThat(again).isEqualTo(endpoint);
        BrazeTriggerEndpoint byKey = context.getEndpoint(endpoint.getEndpointKey(), BrazeTriggerEndpoint.class);
        assertThat(byKey.getConfiguration().getApiKey()).isEqualTo(KEY);

        ProducerTemplate withDefault = context.createProducerTemplate();
        withDefault.setDefaultEndpoint(endpoint);
        withDefault.start();
        try {
            withDefault.sendBody(recipient());
        } finally {
            withDefault.stop();
        }
        braze.assertCanvasTriggered("cv-1").forExternalUserId("1").times(1);
    }

    @Test
    void differentKeysOnOtherwiseEqualUrisStayDifferentEndpoints() {
        BrazeTriggerEndpoint withKey = context.getEndpoint("braze-trigger:canvas?canvasId=cv-2&apiKey=RAW(" + KEY + ")",
                BrazeTriggerEndpoint.class);
        BrazeTriggerEndpoint withOther = context.getEndpoint("braze-trigger:canvas?canvasId=cv-2&apiKey=" + OTHER_KEY,
                BrazeTriggerEndpoint.class);
        BrazeTriggerEndpoint sameKeyAgain = context.getEndpoint("braze-trigger:canvas?apiKey=RAW(" + KEY + ")&canvasId=cv-2",
                BrazeTriggerEndpoint.class);

        assertThat(withKey.getEndpointUri()).isNotEqualTo(withOther.getEndpointUri());
        assertThat(withKey).isNotEqualTo(withOther);
        assertThat(withKey.getConfiguration().getApiKey()).isEqualTo(KEY);
        assertThat(withOther.getConfiguration().getApiKey()).isEqualTo(OTHER_KEY);
        assertThat(sameKeyAgain).isSameAs(withKey);

        Exchange accepted = template.send(withKey, e -> e.getMessage().setBody(recipient()));
        Exchange refused = template.send(context.getEndpoint("braze-trigger:canvas?canvasId=cv-2&maxRetries=0&apiKey="
                                                             + OTHER_KEY), e -> e.getMessage().setBody(recipient()));
        assertThat(accepted.getException()).isNull();
        assertThat(refused.getException()).isInstanceOf(BrazeApiException.class)
                .satisfies(e -> assertThat(((BrazeApiException) e).getStatusCode()).isEqualTo(401));
    }

    @Test
    void aStandInThisComponentNeverIssuedIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint("braze-trigger:canvas?canvasId=cv-1&apiKey=redacted-999"))
                .rootCause().hasMessageContaining("apiKey=redacted-999").hasMessageContaining("set it on the component");
    }

    @Test
    void aKeyOnTheComponentIsInNoUriAtAll() {
        BrazeTriggerEndpoint endpoint = context.getEndpoint("braze-trigger:canvas?canvasId=cv-3", BrazeTriggerEndpoint.class);
        assertThat(endpoint.getConfiguration().getApiKey()).isEqualTo(KEY); // the test kit sets the component's key
        assertThat(endpoint.getEndpointUri()).isEqualTo("braze-trigger://canvas?canvasId=cv-3");
    }

    /**
     * Camel prints resolved placeholders at DEBUG, {{env:...}} and vault functions included: its properties parser
     * (org.apache.camel.component.properties) each value, and DefaultCamelContextExtension each URI with placeholders
     * resolved. Those are the loggers the docs tell to keep at INFO. With them at INFO, and every other logger at DEBUG
     * (HttpClient's wire loggers aside), a key from a placeholder is printed nowhere.
     */
    @Test
    void aPlaceholderKeyIsPrintedOnlyByCamelsPlaceholderLoggersAtDebug() throws Exception {
        System.setProperty("braze.uri.test.key", KEY);
        List<String> leaks = new CopyOnWriteArrayList<>();
        AbstractAppender capture = new AbstractAppender("capture-uri", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                String line = event.getMessage().getFormattedMessage() + (event.getThrown() == null ? "" : event.getThrown());
                if (line.contains(KEY)) {
                    leaks.add(event.getLoggerName());
                }
            }
        };
        capture.start();
        Logger root = (Logger) LogManager.getRootLogger();
        root.addAppender(capture);
        try {
            Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.DEBUG);
            Configurator.setLevel("org.apache.hc.client5.http.wire", Level.INFO);
            Configurator.setLevel("org.apache.hc.client5.http.headers", Level.INFO);

            context.getEndpoint("braze-trigger:canvas?canvasId=cv-4&apiKey=RAW({{sys:braze.uri.test.key}})");
            assertThat(leaks).as("loggers that printed the key at DEBUG").isNotEmpty()
                    .allSatisfy(logger -> assertThat(logger).isIn(
                            "org.apache.camel.component.properties.DefaultPropertiesParser",
                            "org.apache.camel.impl.engine.DefaultCamelContextExtension"));

            leaks.clear();
            Configurator.setLevel("org.apache.camel.component.properties", Level.INFO);
            Configurator.setLevel("org.apache.camel.impl.engine.DefaultCamelContextExtension", Level.INFO);
            BrazeTriggerEndpoint endpoint = context.getEndpoint(
                    "braze-trigger:canvas?canvasId=cv-5&apiKey=RAW({{sys:braze.uri.test.key}})", BrazeTriggerEndpoint.class);
            template.sendBody(endpoint, recipient());
            assertThat(endpoint.getConfiguration().getApiKey()).isEqualTo(KEY);
            assertThat(leaks).as("loggers that printed the key with the properties parser at INFO").isEmpty();
        } finally {
            root.removeAppender(capture);
            Configurator.reconfigure();
            System.clearProperty("braze.uri.test.key");
        }
    }

    private BrazeTriggerEndpoint brazeEndpoint(String canvasId, String key) {
        return context.getEndpoints().stream().filter(BrazeTriggerEndpoint.class::isInstance).map(BrazeTriggerEndpoint.class::cast)
                .filter(e -> canvasId.equals(e.getConfiguration().getCanvasId()) && key.equals(e.getConfiguration().getApiKey()))
                .findFirst().orElseThrow();
    }
}
