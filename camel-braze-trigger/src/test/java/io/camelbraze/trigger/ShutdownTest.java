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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import io.camelbraze.trigger.test.FaultScript;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batches at a route stop and completion of batch members (issue "Delivery correctness", items 4 and 7).
 */
class ShutdownTest extends CamelTestSupport {

    private static final String BATCHED = "braze-trigger:canvas?canvasId=cv-stop&batchSize=50&batchTimeout=600000&maxRetries=0";

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder());

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:orders?concurrentConsumers=10").routeId("orders").to(BATCHED);
                from("direct:load").routeId("load").to("braze-trigger:canvas?canvasId=cv-load&maxRetries=2&retryInitialDelay=50");
            }
        };
    }

    /** A gathering batch (its timeout ten minutes away) is sent when the route stops, and its exchanges succeed. */
    @Test
    void aGatheringBatchIsSentWhenTheRouteStopsAndItsExchangesSucceed() throws Exception {
        braze.script().delay(1, Duration.ofMillis(300));
        List<CompletableFuture<Exchange>> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            orders.add(template.asyncSend("seda:orders", e -> e.getMessage().setBody(Map.of("external_user_id", "s" + n))));
        }
        braze.awaitRequests(1, Duration.ofSeconds(10));

        context.getRouteController().stopRoute("orders", 30, TimeUnit.SECONDS);

        for (CompletableFuture<Exchange> order : orders) {
            assertThat(order.get(10, TimeUnit.SECONDS).getException()).isNull();
        }
        assertThat(braze.acceptedRecipients()).hasSize(5);
    }

    /** A context stopped in the middle of a loaded run completes every exchange: accepted, or failed with a reason. */
    @Test
    void aContextStoppedUnderLoadCompletesEveryExchange() throws Exception {
        braze.script().delay(FaultScript.UNLIMITED, Duration.ofMillis(20));
        braze.script().withProbability(0.05).serverError(FaultScript.UNLIMITED, 503);
        List<CompletableFuture<Exchange>> sends = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            int n = i;
            // block=false: a send still queued in the template's pool when the route stops fails at once, instead of
            // waiting up to direct's 30 s for a consumer that will not come back
            sends.add(template.asyncSend("direct:load?block=false", e -> e.getMessage().setBody(Map.of("external_user_id", "x" + n))));
        }
        braze.awaitRequests(100, Duration.ofSeconds(30));
        context.getShutdownStrategy().setTimeout(1);
        context.stop();

        Map<String, Long> times = braze.acceptedRecipients().stream()
                .collect(java.util.stream.Collectors.groupingBy(r -> r.externalUserId(), java.util.stream.Collectors.counting()));
        int accepted = 0;
        int failed = 0;
        int rejectedByCamel = 0;
        int rejectedByCamelButAccepted = 0;
        int neverRouted = 0;
        for (CompletableFuture<Exchange> send : sends) {
            Exchange exchange;
            try {
                exchange = send.get(20, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException hung) {
                Thread.getAllStackTraces().forEach((thread, stack) -> {
                    System.out.println("THREAD " + thread.getName() + " " + thread.getState());
                    for (StackTraceElement e : stack) {
                        System.out.println("    at " + e);
                    }
                });
                throw hung;
            }
            if (exchange.getException() == null) {
                accepted++;
            } else if (exchange.getException() instanceof java.util.concurrent.RejectedExecutionException) {
                // Camel's own error handler refuses to continue an exchange once the forced shutdown began
                rejectedByCamel++;
                rejectedByCamelButAccepted += times.containsKey(exchange.getMessage().getBody(Map.class).get("external_user_id"))
                        ? 1 : 0;
            } else if (neverReachedTheRoute(exchange.getException())) {
                // still in the template's thread pool when the route stopped: it never reached the producer
                assertThat(times).as("an exchange that never reached the route was not sent")
                        .doesNotContainKey((String) exchange.getMessage().getBody(Map.class).get("external_user_id"));
                neverRouted++;
            } else {
                assertThat(exchange.getException()).isInstanceOf(BrazeTriggerException.class);
                failed++;
            }
        }
        System.out.printf("Stopped under load: %d accepted, %d failed with the component's reason, %d refused by Camel's"
                          + " forced shutdown (%d of them accepted by Braze), %d stopped before reaching the route, of %d%n",
                accepted, failed, rejectedByCamel, rejectedByCamelButAccepted, neverRouted, sends.size());
        failed += rejectedByCamel + neverRouted;
        assertThat(accepted + failed).isEqualTo(sends.size());
        assertThat(times.values()).as("nothing accepted twice").allSatisfy(n -> assertThat(n).isEqualTo(1));
        assertThat(times.size()).as("every success was accepted by Braze").isGreaterThanOrEqualTo(accepted);
    }

    /** Camel's direct producer, waiting for a consumer of a route being stopped, was interrupted or gave up. */
    private static boolean neverReachedTheRoute(Exception failure) {
        return failure instanceof InterruptedException
               || failure instanceof org.apache.camel.component.direct.DirectConsumerNotAvailableException;
    }

    /** One member whose callback throws does not keep the other members of its batch from completing. */
    @Test
    void aThrowingCallbackLeavesTheOtherBatchMembersCompleted() throws Exception {
        braze.script().delay(1, Duration.ofMillis(300));
        AsyncProducer producer = context.getEndpoint(BATCHED).createAsyncProducer();
        producer.start();
        List<String> completed = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch threeCompleted = new java.util.concurrent.CountDownLatch(3);
        for (int i = 0; i < 4; i++) {
            String id = "m" + i;
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(Map.of("external_user_id", id));
            producer.process(exchange, doneSync -> {
                if (id.equals("m2")) {
                    throw new IllegalStateException("a broken callback");
                }
                completed.add(id);
                threeCompleted.countDown();
            });
        }
        braze.awaitRequests(2, Duration.ofSeconds(10));
        assertThat(threeCompleted.await(10, TimeUnit.SECONDS)).as("the other members completed").isTrue();
        assertThat(completed).containsExactlyInAnyOrder("m0", "m1", "m3");
        producer.stop();
    }
}
