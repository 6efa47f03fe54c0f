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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import io.camelbraze.trigger.test.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, last row: a message replayed from a dead-letter store still carries the {@code CamelRedeliveryDelay} a 429
 * put on it. When the replay then meets a failure that is not a rate limit (a 503), the component removes that stale
 * delay, so the replay route's error handler waits its own {@code redeliveryDelay} (100 ms), not the old reset.
 * <p>
 * The dead-letter store keeps what a broker would: the body and the headers, not the exchange's properties. Nothing
 * here measures speed: the test checks that the redelivery did not wait the stored rate-limit delay of seconds.
 */
class StaleRedeliveryDelayTest extends CamelTestSupport {

    private static final String ORIGIN_KEY = "origin-workspace-key";
    private static final String REPLAY_KEY = "replay-workspace-key";

    /** Two workspaces, so the replay is not paced by the rate-limit window the first send learnt about. */
    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder().apiKey(ORIGIN_KEY).apiKey(REPLAY_KEY));

    /** The dead-letter store: body and headers of each message dead-lettered, as a JMS or Kafka DLQ would keep them. */
    private final List<StoredMessage> deadLetters = new CopyOnWriteArrayList<>();
    private final AtomicReference<Exception> replayFailure = new AtomicReference<>();

    record StoredMessage(Object body, Map<String, Object> headers, Exception cause) {
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("send")
                        .errorHandler(deadLetterChannel("direct:dlq").maximumRedeliveries(0))
                        .to("braze-trigger:canvas?canvasId=cv-1&maxRetries=0&rateLimitMaxWait=100&apiKey=RAW(" + ORIGIN_KEY + ")");
                from("direct:dlq").routeId("dlq")
                        .process(e -> deadLetters.add(new StoredMessage(e.getMessage().getBody(),
                                new HashMap<>(e.getMessage().getHeaders()), e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))));
                from("direct:replay").routeId("replay")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(1).redeliveryDelay(100)
                                .onRedelivery(e -> {
                                    replayFailure.set(e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
                                }))
                        .to("braze-trigger:canvas?canvasId=cv-1&maxRetries=0&apiKey=RAW(" + REPLAY_KEY + ")");
            }
        };
    }

    @Test
    void aReplayedMessageThatMeetsA503IsRedeliveredWithTheRouteOwnDelayNotTheOldRateLimitOne() {
        // 1. a 429 whose reset is beyond rateLimitMaxWait: dead-lettered, with the component's CamelRedeliveryDelay
        braze.script().rateLimited(1, 3);
        template.send("direct:send", e -> e.getMessage().setBody(Map.of("external_user_id", "r1")));

        assertThat(deadLetters).singleElement().satisfies(stored -> {
            assertThat(stored.cause()).isInstanceOf(BrazeRateLimitException.class);
            assertThat(stored.headers().get(Exchange.REDELIVERY_DELAY)).as("the delay the 429 set")
                    .isInstanceOfSatisfying(Long.class, delay -> assertThat(delay).isGreaterThanOrEqualTo(1000L));
        });

        // 2. replayed later from the store (a new exchange: body and headers only); Braze now answers 503, then 201
        StoredMessage stored = deadLetters.get(0);
        braze.script().serverError(1, 503);
        Exchange replayed = template.send("direct:replay", e -> {
            e.getMessage().setHeaders(new HashMap<>(stored.headers()));
            e.getMessage().setBody(stored.body());
        });

        assertThat(replayed.getException()).as("the route's redelivery sends it").isNull();
        assertThat(replayFailure.get()).as("the replay's first attempt failed with the 503")
                .isInstanceOfSatisfying(BrazeApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(503));
        List<RecordedRequest> replays = braze.allRequests().stream().filter(r -> r.usedApiKey(REPLAY_KEY)).toList();
        assertThat(replays).extracting(RecordedRequest::status).containsExactly(503, 201);
        long gap = replays.get(1).receivedAt().toEpochMilli() - replays.get(0).receivedAt().toEpochMilli();
        System.out.printf("StaleRedeliveryDelay: the redelivery came %d ms after the 503%n", gap);
        // Camel's error handler restores the message as it came in before it redelivers (so onRedelivery sees the stored
        // headers), but it takes the delay from the failed message, where the component removed its stale one: the
        // route's own 100 ms applies, not the stored rate-limit delay of several seconds
        assertThat(gap).as("ms between the 503 and the redelivery; the stale delay was %s ms", stored.headers()
                .get(Exchange.REDELIVERY_DELAY)).isLessThan(1500);
        braze.assertCanvasTriggered("cv-1").forExternalUserId("r1").times(1);
    }
}
