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
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import io.camelbraze.trigger.test.FaultScript;
import io.camelbraze.trigger.test.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault injection (issue "Delivery", proof): 10,000 records through a route with a dead-letter channel while the fake
 * Braze answers with bursts of 429, 500/502/503, HTML 502s, dropped connections and responses slower than the timeout.
 * Every record ends up either accepted by Braze exactly once or in the dead-letter endpoint with its reason; ambiguous
 * failures (the request may have reached Braze) are counted apart, and no record is ever accepted twice.
 */
class DeliveryGuaranteesTest extends CamelTestSupport {

    private static final int RECORDS = 10_000;
    private static final int INVALID_EVERY = 250; // 40 records without an identifier

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder().knownCanvasIds("cv-orders"));

    private final Map<String, Exception> deadLetters = new ConcurrentHashMap<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("direct:dead").maximumRedeliveries(0));
                // Camel redelivers only what is safe to send again; everything else goes straight to the dead letters
                onException(BrazeTriggerException.class)
                        .onWhen(e -> e.getException(BrazeTriggerException.class).isRetrySafe())
                        .maximumRedeliveries(3).redeliveryDelay(20)
                        .handled(true).to("direct:dead");

                from("seda:records?concurrentConsumers=16&size=" + RECORDS)
                        .to("braze-trigger:canvas?canvasId=cv-orders&maxRetries=2&retryInitialDelay=5&retryMaxDelay=40"
                            + "&requestTimeout=400&rateLimitMaxWait=3000").routeId("records");

                from("direct:dead").process(e -> deadLetters.put(e.getMessage().getHeader("recordId", String.class),
                        e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));
            }
        };
    }

    @Test
    void everyRecordIsAcceptedOnceOrDeadLetteredWithItsReason() throws Exception {
        Random random = new Random(20261123);
        FaultScript faults = braze.script();
        faults.withProbability(0.001, random).rateLimited(FaultScript.UNLIMITED, 1);
        faults.withProbability(0.02, random).serverError(FaultScript.UNLIMITED, 503);
        faults.withProbability(0.01, random).serverError(FaultScript.UNLIMITED, 500);
        faults.withProbability(0.005, random).badGatewayHtml(FaultScript.UNLIMITED);
        faults.withProbability(0.003, random).dropConnection(FaultScript.UNLIMITED);
        faults.withProbability(0.002, random).delay(FaultScript.UNLIMITED, Duration.ofMillis(900));

        NotifyBuilder done = new NotifyBuilder(context).fromRoute("records").whenDone(RECORDS).create();
        for (int i = 0; i < RECORDS; i++) {
            Map<String, Object> record = new HashMap<>();
            if (i % INVALID_EVERY != 0) {
                record.put("external_user_id", "r" + i);
            } else {
                record.put("first_name", "no identifier");
            }
            record.put("context", Map.of("order_id", "o" + i));
            template.sendBodyAndHeader("seda:records", record, "recordId", "r" + i);
        }
        assertThat(done.matches(180, TimeUnit.SECONDS)).as("all records handled").isTrue();

        Map<String, Long> acceptedTimes = braze.requests().stream().flatMap(r -> r.recipients().stream())
                .collect(Collectors.groupingBy(r -> r.path("external_user_id").asText(), Collectors.counting()));
        int accepted = 0;
        int deadValidation = 0;
        int deadSafe = 0;
        int ambiguous = 0;
        int ambiguousButAccepted = 0;
        for (int i = 0; i < RECORDS; i++) {
            String id = "r" + i;
            long times = acceptedTimes.getOrDefault(id, 0L);
            Exception dead = deadLetters.get(id);
            assertThat(times).as("record %s accepted at most once", id).isLessThanOrEqualTo(1);
            if (dead == null) {
                assertThat(times).as("record %s neither accepted nor dead-lettered", id).isEqualTo(1);
                accepted++;
            } else if (dead instanceof BrazeTransportException transport && transport.isPossiblyDelivered()) {
                ambiguous++;
                ambiguousButAccepted += (int) times;
            } else {
                assertThat(times).as("record %s dead-lettered but accepted", id).isZero();
                assertThat(dead).isInstanceOf(BrazeTriggerException.class);
                if (dead instanceof BrazeValidationException) {
                    deadValidation++;
                } else {
                    deadSafe++;
                }
            }
        }
        long requests = braze.allRequests().size();
        long status429 = braze.rejectedRequests().stream().filter(r -> r.status() == 429).count();
        System.out.printf("Fault injection, %d records: accepted once %d, dead-lettered %d (validation %d, other %d),"
                          + " ambiguous %d (of which Braze had accepted %d), HTTP requests %d (429s %d)%n",
                RECORDS, accepted, deadLetters.size(), deadValidation, deadSafe, ambiguous, ambiguousButAccepted, requests,
                status429);

        deadLetters.values().stream()
                .collect(Collectors.groupingBy(e -> e.getClass().getSimpleName() + ": " + e.getMessage().replaceAll("r[0-9]+", "r#"),
                        TreeMap::new, Collectors.counting()))
                .forEach((reason, count) -> System.out.printf("  dead-lettered %5d  %s%n", count, reason));

        assertThat(deadValidation).isEqualTo(RECORDS / INVALID_EVERY);
        assertThat(accepted + deadValidation + deadSafe + ambiguous).isEqualTo(RECORDS);
        assertThat(accepted).as("retries recover most transient faults").isGreaterThan(RECORDS * 9 / 10);
        assertThat(braze.requests()).allSatisfy(this::hasOneRecipient);
    }

    private void hasOneRecipient(RecordedRequest request) {
        assertThat(request.recipients()).extracting(JsonNode::size).hasSize(1);
    }
}
