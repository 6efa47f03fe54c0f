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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.camelbraze.trigger.delivery.AcceptedRequest;
import io.camelbraze.trigger.delivery.DeliveryListener;
import io.camelbraze.trigger.test.BrazeEndpoint;
import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import io.camelbraze.trigger.test.FaultScript;
import io.camelbraze.trigger.test.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue "Delivery correctness under stops, replays, batching and load": each test is a route against the fake Braze
 * reproducing one defect of the outside review, and asserting what a user relies on instead.
 */
class DeliveryCorrectnessTest extends CamelTestSupport {

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder());

    private final Set<String> completionThreads = ConcurrentHashMap.newKeySet();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:batched?concurrentConsumers=20").routeId("batched")
                        .to("braze-trigger:canvas?canvasId=cv-orders&batchSize=50&batchTimeout=5000&maxRetries=0");
                from("direct:twoTargets").routeId("twoTargets")
                        .to("braze-trigger:canvas?canvasId=cv-a&maxRetries=0")
                        .to("braze-trigger:campaign?campaignId=cmp-b&maxRetries=0&maxConcurrentRequests=1");
                from("direct:sequential").routeId("sequential")
                        .to("braze-trigger:canvas?canvasId=cv-seq&maxRetries=0&maxConcurrentRequests=1");
                from("direct:rateLimited").routeId("rateLimited")
                        .to("braze-trigger:canvas?canvasId=cv-rl&maxRetries=0&rateLimitMaxWait=5000");
                from("direct:waiting").routeId("waiting")
                        .to("braze-trigger:canvas?canvasId=cv-wait&maxRetries=3&rateLimitMaxWait=7200000");
                from("direct:gateway").routeId("gateway")
                        .to("braze-trigger:canvas?canvasId=cv-gw&maxRetries=3&retryInitialDelay=1&retryMaxDelay=2");
                from("seda:threads?concurrentConsumers=40").routeId("threads")
                        .to("braze-trigger:canvas?canvasId=cv-threads")
                        .process(e -> completionThreads.add(Thread.currentThread().getName()))
                        .delay(20).syncDelayed(); // a slow step after the producer: completions pile up behind it
            }
        };
    }

    private static Map<String, Object> user(String id, String order) {
        return Map.of("external_user_id", id, "context", Map.of("order_id", order));
    }

    private static List<Map<String, Object>> users(int count) {
        return IntStream.range(0, count).mapToObj(i -> Map.<String, Object>of("external_user_id", "u" + i)).toList();
    }

    /** Item 1: Braze sends once per user per request, so two events of one user never share a request. */
    @Test
    void twoEventsOfOneUserGoInSeparateRequests() {
        braze.script().delay(1, Duration.ofMillis(400)); // the first request stays in flight: the next ones gather
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("batched").whenDone(6).create();
        Exchange first = template.send("seda:batched", e -> e.getMessage().setBody(user("u0", "Z-0")));
        List<CompletableFuture<Exchange>> events = new ArrayList<>();
        for (String[] event : new String[][] { { "42", "A-1" }, { "42", "A-2" }, { "7", "B-1" }, { "42", "A-3" }, { "8", "C" } }) {
            events.add(template.asyncSend("seda:batched", e -> e.getMessage().setBody(user(event[0], event[1]))));
        }
        assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(first.getException()).isNull();

        for (RecordedRequest request : braze.requests()) {
            List<String> ids = request.recipients().stream().map(r -> r.path("external_user_id").asText()).toList();
            assertThat(ids).as("a request lists each user once").doesNotHaveDuplicates();
        }
        List<String> orders42 = braze.requests().stream().flatMap(r -> r.recipients().stream())
                .filter(r -> r.path("external_user_id").asText().equals("42"))
                .map(r -> r.path("context").path("order_id").asText()).toList();
        assertThat(orders42).containsExactlyInAnyOrder("A-1", "A-2", "A-3");
        assertThat(events).allSatisfy(f -> assertThat(f.join().getException()).isNull());
        assertThat(braze.requests().size()).as("others still share requests").isLessThan(6);
    }

    /** A replay of the whole route on the same exchange: the completed step A is a new pass, the failed step B resumes. */
    @Test
    void aReplayOfTheWholeRouteIsANewPassThatResumesOnlyTheFailedStep() {
        AtomicInteger acceptedByB = new AtomicInteger();
        context.getEndpoint("braze-trigger:campaign?campaignId=cmp-b&maxRetries=0&maxConcurrentRequests=1",
                BrazeTriggerEndpoint.class).getListener().add(new DeliveryListener() {
                    @Override
                    public void requestAccepted(int recipients, long latencyMillis, AcceptedRequest result) {
                        if (acceptedByB.incrementAndGet() == 2) {
                            braze.script().on(BrazeEndpoint.CAMPAIGN).serverError(FaultScript.UNLIMITED, 503);
                        }
                    }
                });
        Exchange exchange = template.send("direct:twoTargets", e -> e.getMessage().setBody(users(150)));
        assertThat(exchange.getException()).isInstanceOf(BrazeApiException.class);
        assertThat(requestsTo(BrazeEndpoint.CANVAS)).isEqualTo(3);

        braze.script().clear();
        exchange.setException(null);
        Exchange replayed = template.send("direct:twoTargets", exchange);

        assertThat(replayed.getException()).isNull();
        // canvas A's step had completed: the replay is a new pass of it (an idempotent repository de-duplicates replays)
        assertThat(requestsTo(BrazeEndpoint.CANVAS)).as("canvas A, sent again by the new pass").isEqualTo(6);
        // campaign B's step had failed: its progress resumes after the two requests Braze accepted
        assertThat(braze.requests().stream().filter(r -> r.endpoint() == BrazeEndpoint.CAMPAIGN)).hasSize(3);
    }

    /** Item 2: copies of an exchange (multicast) do not share one progress object. */
    @Test
    void multicastCopiesKeepTheirOwnProgress() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:multicast").multicast()
                        .to("braze-trigger:canvas?canvasId=cv-m1&maxRetries=0", "braze-trigger:canvas?canvasId=cv-m2&maxRetries=0");
            }
        });
        Exchange result = template.send("direct:multicast", e -> e.getMessage().setBody(users(60)));
        assertThat(result.getException()).isNull();
        braze.assertCanvasTriggered("cv-m1").times(60);
        braze.assertCanvasTriggered("cv-m2").times(60);
        assertThat(braze.requests()).hasSize(4);
    }

    private long requestsTo(BrazeEndpoint endpoint) {
        return braze.requests().stream().filter(r -> r.endpoint() == endpoint).count();
    }

    /** Item 3: a partly sent exchange says what Braze accepted and what it did not. */
    @Test
    void aPartlySentExchangeCarriesWhatBrazeAccepted() {
        AtomicInteger accepted = new AtomicInteger();
        context.getEndpoint("braze-trigger:canvas?canvasId=cv-seq&maxRetries=0&maxConcurrentRequests=1", BrazeTriggerEndpoint.class)
                .getListener().add(new DeliveryListener() {
                    @Override
                    public void requestAccepted(int recipients, long latencyMillis, AcceptedRequest result) {
                        if (accepted.incrementAndGet() == 2) {
                            braze.script().serverError(FaultScript.UNLIMITED, 500);
                        }
                    }
                });
        Exchange exchange = template.send("direct:sequential", e -> e.getMessage().setBody(users(120)));

        assertThat(exchange.getException()).isInstanceOf(BrazeApiException.class);
        assertThat(exchange.getMessage().getHeader(BrazeTriggerConstants.RECIPIENT_COUNT)).isEqualTo(100);
        assertThat(exchange.getMessage().getHeader(BrazeTriggerConstants.UNSENT_RECIPIENTS)).isEqualTo(20);
        assertThat(exchange.getMessage().getHeader(BrazeTriggerConstants.DISPATCH_IDS, List.class))
                .containsExactlyElementsOf(braze.requests().stream().map(r -> r.dispatchId().orElseThrow()).toList());
    }

    /** Item 5: a listener that throws does not turn an accepted request into a failure. */
    @Test
    void aThrowingListenerDoesNotFailAnAcceptedSend() {
        context.getEndpoint("braze-trigger:canvas?canvasId=cv-seq&maxRetries=0&maxConcurrentRequests=1", BrazeTriggerEndpoint.class)
                .getListener().add(new DeliveryListener() {
                    @Override
                    public void requestAccepted(int recipients, long latencyMillis, AcceptedRequest result) {
                        throw new IllegalStateException("metrics backend down");
                    }
                });
        Exchange exchange = template.send("direct:sequential", e -> e.getMessage().setBody(users(60)));
        assertThat(exchange.getException()).isNull();
        assertThat(braze.requests()).hasSize(2);
    }

    /** Item 6: stopping the CamelContext completes every exchange still waiting (here for a 429's reset). */
    @Test
    void stoppingTheContextCompletesEveryWaitingExchange() throws Exception {
        braze.script().rateLimited(FaultScript.UNLIMITED, 3600);
        List<CompletableFuture<Exchange>> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            waiting.add(template.asyncSend("direct:waiting", e -> e.getMessage().setBody(Map.of("external_user_id", "w" + n))));
        }
        braze.awaitRequests(1, Duration.ofSeconds(10));
        context.getShutdownStrategy().setTimeout(1);
        context.stop();

        for (CompletableFuture<Exchange> future : waiting) {
            Exchange exchange = future.get(10, TimeUnit.SECONDS);
            assertThat(exchange.getException()).isInstanceOf(BrazeTriggerException.class)
                    .hasMessageContaining("stopped");
        }
    }

    /** Item 8: the delay set for a 429 is floored, and cleared before the exchange's next delivery. */
    @Test
    void redeliveryDelayIsFlooredAndNotReusedForALaterFailure() {
        braze.script().rateLimited(1, 0);
        Exchange exchange = template.send("direct:rateLimited", e -> e.getMessage().setBody(Map.of("external_user_id", "r1")));
        assertThat(exchange.getException()).isInstanceOf(BrazeRateLimitException.class);
        assertThat(exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class)).isGreaterThanOrEqualTo(1000L);

        braze.script().serverError(1, 503);
        exchange.setException(null);
        Exchange again = template.send("direct:rateLimited", exchange);
        assertThat(again.getException()).isInstanceOf(BrazeApiException.class);
        assertThat(again.getMessage().getHeader(Exchange.REDELIVERY_DELAY)).isNull();
    }

    /** Item 9: the route after the producer runs on the component's completion threads, never on HttpClient's I/O threads. */
    @Test
    void routesContinueOnCompletionThreadsOnly() {
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("threads").whenDone(200).create();
        braze.script().delay(40, Duration.ofMillis(50));
        for (int i = 0; i < 200; i++) {
            template.sendBody("seda:threads", Map.of("external_user_id", "t" + i));
        }
        assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(completionThreads).isNotEmpty().allSatisfy(name -> assertThat(name).contains("BrazeTriggerCompletion"));
    }

    /** Item 11: negative durations are refused when the endpoint is created; a 504 is not retried by default. */
    @Test
    void negativeDurationsAreRefusedAndA504IsAmbiguous() {
        assertThatThrownBy(() -> context.getEndpoint("braze-trigger:canvas?canvasId=c&retryMaxDelay=-1"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("retryMaxDelay must not be negative");
        assertThatThrownBy(() -> context.getEndpoint("braze-trigger:canvas?canvasId=c&maxConcurrentRequests=0"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("maxConcurrentRequests");

        braze.script().serverError(1, 504);
        Exchange exchange = template.send("direct:gateway", e -> e.getMessage().setBody(Map.of("external_user_id", "g1")));
        assertThat(exchange.getException()).isInstanceOfSatisfying(BrazeApiException.class,
                e -> {
                    assertThat(e.getStatusCode()).isEqualTo(504);
                    assertThat(e.isRetrySafe()).as("a 504 may have been processed").isFalse();
                });
        assertThat(braze.allRequests()).as("a 504 may have been processed: not sent again").hasSize(1);
    }

    /** Item 13: a hundred endpoints of one workspace share one HTTP client. */
    @Test
    void endpointsOfOneWorkspaceShareOneClient() {
        for (int i = 0; i < 100; i++) {
            template.sendBodyAndHeader("direct:dynamic", Map.of("external_user_id", "d" + i), "canvas", "cv-" + i);
        }
        assertThat(braze.requests()).hasSize(100);
        BrazeTriggerComponent component = context.getComponent("braze-trigger", BrazeTriggerComponent.class);
        assertThat(component.getClients().openClients()).isEqualTo(1);
    }

    @Override
    protected void doPostSetup() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:dynamic").toD("braze-trigger:canvas?canvasId=${header.canvas}");
            }
        });
    }
}
