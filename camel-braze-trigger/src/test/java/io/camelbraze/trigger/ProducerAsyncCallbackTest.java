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

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer is a true AsyncProcessor: on every path (success, HTTP error, validation failure, refused connection,
 * timeout, dropped connection) the callback is called exactly once, and the exception is on the exchange before it is.
 */
class ProducerAsyncCallbackTest {

    private static final String KEY = "callback-test-key";

    private WireMockServer braze;
    private DefaultCamelContext context;

    @BeforeEach
    void start() {
        braze = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        braze.start();
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        braze.stop();
    }

    private Result send(String baseUri, Object body, String extraOptions) throws Exception {
        AsyncProducer producer = context.getEndpoint("braze-trigger:canvas?canvasId=cv-1&requestTimeout=700"
                                                     + (extraOptions.contains("maxRetries") ? "" : "&maxRetries=0")
                                                     + "&baseUri=" + baseUri + "&apiKey=" + KEY + extraOptions)
                .createAsyncProducer();
        producer.start();
        try {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(body);
            AtomicInteger calls = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(1);
            boolean sync = producer.process(exchange, doneSync -> {
                calls.incrementAndGet();
                done.countDown();
            });
            assertThat(done.await(10, TimeUnit.SECONDS)).as("callback called").isTrue();
            Thread.sleep(100); // a second call would land here
            return new Result(exchange, calls.get(), sync);
        } finally {
            producer.stop();
        }
    }

    private record Result(Exchange exchange, int callbackCalls, boolean returnedSync) {
    }

    @Test
    void successCompletesOnceAsynchronouslyWithTheDispatchId() throws Exception {
        braze.stubFor(post(urlEqualTo("/canvas/trigger/send")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"dispatch_id\":\"c249b5eaad19a96b85ce3afc83017e81\",\"message\":\"success\"}")));
        Map<String, Object> body = Map.of("external_user_id", "42");

        Result result = send(braze.baseUrl(), body, "");

        assertThat(result.callbackCalls()).isEqualTo(1);
        assertThat(result.returnedSync()).isFalse();
        assertThat(result.exchange().getException()).isNull();
        assertThat(result.exchange().getMessage().getHeader(BrazeTriggerConstants.DISPATCH_ID))
                .isEqualTo("c249b5eaad19a96b85ce3afc83017e81");
        assertThat(result.exchange().getMessage().getBody()).isSameAs(body);
        braze.verify(1, postRequestedFor(urlEqualTo("/canvas/trigger/send"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withRequestBody(equalToJson("{\"canvas_id\":\"cv-1\",\"recipients\":[{\"external_user_id\":\"42\"}]}")));
    }

    @Test
    void httpErrorCompletesOnceWithBrazeApiException() throws Exception {
        braze.stubFor(post(urlEqualTo("/canvas/trigger/send")).willReturn(aResponse().withStatus(400)
                .withBody("{\"message\":\"canvas_id must be a string of the Canvas api identifier\"}")));

        Result result = send(braze.baseUrl(), Map.of("external_user_id", "42"), "");

        assertThat(result.callbackCalls()).isEqualTo(1);
        assertThat(result.exchange().getException()).isInstanceOfSatisfying(BrazeApiException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(400);
            assertThat(e.isRetrySafe()).isFalse();
            assertThat(e.getBrazeMessage()).contains("canvas_id must be a string");
        });
    }

    @Test
    void validationFailureCompletesSynchronouslyWithoutARequest() throws Exception {
        Result result = send(braze.baseUrl(), Map.of("external_user_id", "42", "email", "a@example.com"), "");

        assertThat(result.callbackCalls()).isEqualTo(1);
        assertThat(result.returnedSync()).isTrue();
        assertThat(result.exchange().getException()).isInstanceOf(BrazeValidationException.class);
        assertThat(braze.getAllServeEvents()).isEmpty();
    }

    @Test
    void refusedConnectionCompletesOnceAndIsSafeToRetry() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Result result = send("http://127.0.0.1:" + closedPort, Map.of("external_user_id", "42"), "");

        assertThat(result.callbackCalls()).isEqualTo(1);
        assertThat(result.exchange().getException()).isInstanceOfSatisfying(BrazeTransportException.class, e -> {
            assertThat(e.isPossiblyDelivered()).isFalse();
            assertThat(e.isRetrySafe()).isTrue();
        });
    }

    @Test
    void timeoutCompletesOnceAndSaysTheRequestMayHaveBeenDelivered() throws Exception {
        braze.stubFor(post(urlEqualTo("/canvas/trigger/send")).willReturn(aResponse().withStatus(201)
                .withFixedDelay(3000).withBody("{\"message\":\"success\"}")));

        Result result = send(braze.baseUrl(), Map.of("external_user_id", "42"), "");

        assertThat(result.callbackCalls()).isEqualTo(1);
        assertThat(result.exchange().getException()).isInstanceOfSatisfying(BrazeTransportException.class, e -> {
            assertThat(e.isPossiblyDelivered()).isTrue();
            assertThat(e.getMessage()).contains("Timed out").contains("may have been delivered");
        });
        assertThat(braze.getAllServeEvents()).hasSize(1);
    }

    @Test
    void droppedConnectionAfterTheRequestIsAmbiguousAndNotRetried() throws Exception {
        braze.stubFor(post(urlEqualTo("/canvas/trigger/send"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Result result = send(braze.baseUrl(), Map.of("external_user_id", "42"), "&maxRetries=3");

        assertThat(result.callbackCalls()).isEqualTo(1);
        assertThat(result.exchange().getException()).isInstanceOfSatisfying(BrazeTransportException.class,
                e -> assertThat(e.isPossiblyDelivered()).isTrue());
        assertThat(braze.getAllServeEvents()).as("not retried").hasSize(1);
    }

    @Test
    void chunkedListCompletesOnceAfterAllRequests() throws Exception {
        braze.stubFor(post(urlEqualTo("/canvas/trigger/send")).willReturn(aResponse().withStatus(201)
                .withBody("{\"dispatch_id\":\"d\",\"message\":\"success\"}")));
        List<Map<String, Object>> recipients = java.util.stream.IntStream.range(0, 120)
                .mapToObj(i -> Map.<String, Object>of("external_user_id", "u" + i)).toList();

        Result result = send(braze.baseUrl(), recipients, "");

        assertThat(result.callbackCalls()).isEqualTo(1);
        assertThat(result.exchange().getMessage().getHeader(BrazeTriggerConstants.REQUEST_COUNT)).isEqualTo(3);
        assertThat(result.exchange().getMessage().getHeader(BrazeTriggerConstants.RECIPIENT_COUNT)).isEqualTo(120);
        assertThat(braze.getAllServeEvents()).hasSize(3);
    }
}
