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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.camelbraze.trigger.ratelimit.RateLimitBucket;
import io.camelbraze.trigger.ratelimit.RateLimitRegistry;
import io.camelbraze.trigger.test.BrazeEndpoint;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import io.camelbraze.trigger.test.ScheduledSend;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery guarantees hold for schedules: nothing Braze may have accepted is sent again (so no schedule is created
 * twice), what Braze did create is reported on failure, and each kind of request draws from Braze's bucket for it.
 */
class ScheduleDeliveryTest extends CamelTestSupport {

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension();

    static final Instant AT = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:redelivered")
                        .onException(BrazeTriggerException.class).onWhen(e -> e.getException(BrazeTriggerException.class).isRetrySafe())
                        .maximumRedeliveries(2).redeliveryDelay(10).end()
                        .to("braze-trigger:canvas?canvasId=cv-1&action=schedule&maxConcurrentRequests=1&maxRetries=0");
                from("direct:schedule").to("braze-trigger:canvas?canvasId=cv-1&action=schedule&maxConcurrentRequests=1");
                from("direct:noRetry").to("braze-trigger:canvas?canvasId=cv-1&action=schedule&maxConcurrentRequests=1&maxRetries=0");
                from("direct:broadcast").to("braze-trigger:canvas?canvasId=cv-1&action=schedule&broadcast=true");
                from("direct:update").to("braze-trigger:canvas?canvasId=cv-1&action=updateSchedule");
                from("direct:cancel").to("braze-trigger:canvas?canvasId=cv-1&action=cancelSchedule");
            }
        };
    }

    private Exchange request(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new LinkedHashMap<>(headers));
        });
    }

    private static List<Map<String, Object>> recipients(int count) {
        List<Map<String, Object>> recipients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            recipients.add(Map.of("external_user_id", "u" + i));
        }
        return recipients;
    }

    @Test
    void aFailedChunkReportsTheSchedulesBrazeCreatedAndRedeliveryCreatesEachScheduleOnce() {
        // the second of three schedule creates meets a 503 (Braze: nothing created); Camel redelivers the exchange
        braze.script().on(BrazeEndpoint.CANVAS_SCHEDULE_CREATE).serverError(1, 503);
        braze.script().on(BrazeEndpoint.CANVAS_SCHEDULE_CREATE).serverError(1, 503);
        Exchange result = request("direct:redelivered", recipients(120), Map.of(BrazeTriggerConstants.SCHEDULE_TIME, AT));

        assertThat(result.getException()).isNull();
        List<String> ids = braze.schedules().stream().map(ScheduledSend::scheduleId).toList();
        assertThat(ids).as("one schedule per chunk, none twice").hasSize(3);
        assertThat(braze.schedules()).extracting(s -> s.recipients().size()).containsExactly(50, 50, 20);
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.SCHEDULE_IDS, List.class)).containsExactlyElementsOf(ids);
        assertThat(braze.rejectedRequests()).hasSize(2);
    }

    @Test
    void onFailureTheSchedulesAlreadyCreatedAreInTheHeader() {
        // a 503 on the second of three schedule creates: a seeded draw lets the first through and hits the second
        long seed = 0;
        while (!missThenHit(new Random(seed))) {
            seed++;
        }
        braze.script().on(BrazeEndpoint.CANVAS_SCHEDULE_CREATE).withProbability(0.5, new Random(seed)).serverError(1, 503);
        Exchange result = request("direct:noRetry", recipients(120), Map.of(BrazeTriggerConstants.SCHEDULE_TIME, AT));

        assertThat(result.getException()).isInstanceOfSatisfying(BrazeApiException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(503));
        assertThat(braze.schedules()).singleElement().satisfies(created -> assertThat(
                result.getMessage().getHeader(BrazeTriggerConstants.SCHEDULE_IDS, List.class)).containsExactly(created.scheduleId()));
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.SCHEDULE_ID)).isNull();
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.UNSENT_RECIPIENTS)).isEqualTo(70);
    }

    private static boolean missThenHit(Random random) {
        return random.nextDouble() >= 0.5 && random.nextDouble() < 0.5;
    }

    @Test
    void aScheduleCreateThatMayHaveReachedBrazeIsNotSentAgain() {
        braze.script().on(BrazeEndpoint.CANVAS_SCHEDULE_CREATE).dropConnection(1);
        Exchange ambiguous = request("direct:schedule", recipients(1), Map.of(BrazeTriggerConstants.SCHEDULE_TIME, AT));

        assertThat(ambiguous.getException()).isInstanceOfSatisfying(BrazeTransportException.class,
                e -> assertThat(e.isPossiblyDelivered()).isTrue());
        assertThat(braze.allRequests()).hasSize(1);
        assertThat(ambiguous.getMessage().getHeader(BrazeTriggerConstants.SCHEDULE_IDS, List.class)).isEmpty();
    }

    @Test
    void anUnknownScheduleIdIsABadRequestNeverRetried() {
        Exchange result = request("direct:update", null, Map.of(BrazeTriggerConstants.SCHEDULE_ID, "no-such-schedule",
                BrazeTriggerConstants.SCHEDULE_TIME, AT));

        assertThat(result.getException()).isInstanceOfSatisfying(BrazeApiException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(400);
            assertThat(e.isRetrySafe()).isFalse();
        });
        assertThat(braze.allRequests()).hasSize(1);
    }

    @Test
    void aCancellationTimedOutAfterWritingIsNotRetriedButA503Is() {
        String id = request("direct:schedule", recipients(1), Map.of(BrazeTriggerConstants.SCHEDULE_TIME, AT)).getMessage()
                .getHeader(BrazeTriggerConstants.SCHEDULE_ID, String.class);
        braze.script().on(BrazeEndpoint.CANVAS_SCHEDULE_DELETE).serverError(1, 503);
        Exchange cancelled = request("direct:cancel", null, Map.of(BrazeTriggerConstants.SCHEDULE_ID, id));

        assertThat(cancelled.getException()).isNull();
        assertThat(braze.allRequests()).extracting(r -> r.endpoint() + " " + r.status()).containsExactly(
                "CANVAS_SCHEDULE_CREATE 201", "CANVAS_SCHEDULE_DELETE 503", "CANVAS_SCHEDULE_DELETE 201");
        braze.assertThatBraze().notScheduled("cv-1");
    }

    @Test
    void createsUseTheSendBucketsAndUpdatesAndCancelsTheSharedHourlyOne() {
        RateLimitRegistry.Buckets buckets = context.getEndpoint("braze-trigger:canvas?canvasId=cv-1&action=schedule&broadcast=true",
                BrazeTriggerEndpoint.class).rateLimitBuckets();
        RateLimitBucket hourly = buckets.forSend(false);
        RateLimitBucket broadcast = buckets.forSend(true);

        request("direct:broadcast", null, Map.of(BrazeTriggerConstants.SCHEDULE_TIME, AT));
        assertThat(broadcast.snapshot().remaining()).as("a broadcast schedule create counts per minute").isGreaterThanOrEqualTo(0);
        assertThat(hourly.snapshot().limit()).as("and not in the hourly bucket").isEqualTo(-1);

        String id = request("direct:schedule", recipients(1), Map.of(BrazeTriggerConstants.SCHEDULE_TIME, AT)).getMessage()
                .getHeader(BrazeTriggerConstants.SCHEDULE_ID, String.class);
        long afterCreate = hourly.snapshot().remaining();
        assertThat(hourly.snapshot().limit()).as("a targeted schedule create counts hourly").isEqualTo(250_000);

        request("direct:update", null, Map.of(BrazeTriggerConstants.SCHEDULE_ID, id, BrazeTriggerConstants.SCHEDULE_TIME, AT));
        request("direct:cancel", null, Map.of(BrazeTriggerConstants.SCHEDULE_ID, id));
        assertThat(hourly.snapshot().remaining()).as("update and cancel count in the shared hourly bucket").isEqualTo(afterCreate - 2);
        assertThat(braze.rejectedRequests()).isEmpty();
    }
}
