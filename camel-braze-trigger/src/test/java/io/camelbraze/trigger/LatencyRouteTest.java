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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeBinding;
import io.camelbraze.trigger.test.FaultScript;
import io.camelbraze.trigger.test.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Braze answering at a real round trip (the fake holds every answer 300 ms): batches of one kind overlap instead of
 * waiting for each other, and a bulk send under a small budget keeps only the requests the budget needs in flight.
 * Behaviour, not speed: the benchmark's latency scenario measures the throughput.
 */
class LatencyRouteTest {

    private static final long ROUND_TRIP_MILLIS = 300;

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    private FakeBraze braze(FakeBraze.Builder builder) {
        FakeBraze braze = builder.knownCanvasIds("cv-1").build().start();
        started.add(braze);
        braze.script().delay(FaultScript.UNLIMITED, Duration.ofMillis(ROUND_TRIP_MILLIS));
        return braze;
    }

    private CamelContext context(FakeBraze braze, String uri) throws Exception {
        CamelContext context = new DefaultCamelContext();
        started.add(context);
        FakeBrazeBinding.configure(context, braze);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(uri);
            }
        });
        context.start();
        return context;
    }

    /** The most requests the fake held at once: each is held from its arrival for the round trip. */
    private static int mostHeldAtOnce(List<RecordedRequest> requests) {
        int most = 0;
        for (RecordedRequest request : requests) {
            Instant at = request.receivedAt();
            int held = (int) requests.stream().filter(other -> !other.receivedAt().isAfter(at)
                                                               && other.receivedAt().plusMillis(ROUND_TRIP_MILLIS).isAfter(at))
                    .count();
            most = Math.max(most, held);
        }
        return most;
    }

    @Test
    void batchesOfOneKindAreInFlightTogetherWhileTheNextGathers() throws Exception {
        FakeBraze braze = braze(FakeBraze.builder());
        CamelContext context = context(braze, "braze-trigger:canvas?canvasId=cv-1&batchSize=50");
        ProducerTemplate template = context.createProducerTemplate();
        int senders = 32;
        int perSender = 3;
        ExecutorService threads = Executors.newFixedThreadPool(senders);
        try {
            List<Future<List<Exchange>>> sent = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                // as a JMS consumer thread does: one record per exchange, each waiting for its answer
                sent.add(threads.submit(() -> IntStream.range(0, perSender).mapToObj(i -> template.request("direct:send",
                        e -> e.getMessage().setBody(Map.of("external_user_id", "u" + sender + "-" + i)))).toList()));
            }
            for (Future<List<Exchange>> future : sent) {
                assertThat(future.get()).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
            }
        } finally {
            threads.shutdownNow();
        }

        List<RecordedRequest> requests = braze.requests();
        System.out.printf("%d senders at a %d ms round trip: requests of %s recipients%n", senders, ROUND_TRIP_MILLIS,
                requests.stream().map(r -> r.recipients().size()).toList());
        List<String> accepted = requests.stream().filter(RecordedRequest::accepted)
                .flatMap(r -> r.recipients().stream()).map(r -> r.path("external_user_id").asText()).toList();
        assertThat(accepted).hasSize(senders * perSender).doesNotHaveDuplicates();
        assertThat(requests.size()).as("requests for %d records, one record per exchange", senders * perSender)
                .isLessThanOrEqualTo(senders * perSender / 10);
        assertThat(mostHeldAtOnce(requests)).as("batches of the kind Braze held at once").isGreaterThanOrEqualTo(2);
    }

    @Test
    void aBulkSendUnderASmallBudgetKeepsOnlyWhatTheBudgetNeedsInFlight() throws Exception {
        // 20 requests a second at a 300 ms round trip: about 6 in flight spend it (Little's law), far below the default 32
        FakeBraze braze = braze(FakeBraze.builder().rateLimited(20, Duration.ofSeconds(1)));
        CamelContext context = context(braze, "braze-trigger:canvas?canvasId=cv-1");
        BrazeTriggerComponent component = context.getComponent("braze-trigger", BrazeTriggerComponent.class);
        AtomicInteger mostInFlight = new AtomicInteger();
        AtomicBoolean sending = new AtomicBoolean(true);
        int requests = 100;
        Thread sampler = new Thread(() -> {
            while (sending.get()) {
                // the first window is read before Braze told the budget and the round trip: look after it went
                if (braze.requests().size() > 40) {
                    mostInFlight.accumulateAndGet(component.pendingRequests().inUse(), Math::max);
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        Exchange exchange;
        try {
            exchange = context.createProducerTemplate().request("direct:send", e -> e.getMessage().setBody(
                    IntStream.range(0, 50 * requests).mapToObj(i -> Map.<String, Object>of("external_user_id", "u" + i)).toList()));
        } finally {
            sending.set(false);
            sampler.join();
        }

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(BrazeTriggerConstants.REQUEST_COUNT)).isEqualTo(requests);
        assertThat(braze.allRequests()).as("no request answered 429: the budget paces them")
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
        // ceil(20 per second x 0.3 s x 1.25) + 1 = 9
        assertThat(mostInFlight.get()).as("requests in flight or waiting for the rate limit at once").isBetween(1, 12);
    }
}
