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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import io.camelbraze.trigger.test.RecordedRequest;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proactive pacing (issue "Delivery", proof): against a fake Braze that allows 100 requests per 2-second window, the
 * component keeps 429s to at most 1% of requests while using at least 90% of each full window's budget. The figures are
 * counts per window of the fake's own clock, not timings of this machine.
 */
class RateLimitPacingTest extends CamelTestSupport {

    private static final int LIMIT = 100;
    private static final Duration WINDOW = Duration.ofSeconds(2);
    private static final int RECORDS = 500;

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder().rateLimited(LIMIT, WINDOW).lowercaseHeaders());

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:records?concurrentConsumers=16&size=" + RECORDS)
                        .to("braze-trigger:campaign?campaignId=cmp-1&maxRetries=5&rateLimitMaxWait=20000").routeId("records");
            }
        };
    }

    @Test
    void pacingAvoids429sAndUsesTheWindows() {
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("records").whenCompleted(RECORDS).create();
        for (int i = 0; i < RECORDS; i++) {
            template.sendBody("seda:records", Map.of("external_user_id", "p" + i));
        }
        assertThat(done.matches(60, TimeUnit.SECONDS)).as("all records delivered").isTrue();

        long requests = braze.allRequests().size();
        long rateLimited = braze.rejectedRequests().stream().filter(r -> r.status() == 429).count();
        TreeMap<Long, Long> acceptedPerWindow = braze.requests().stream().collect(Collectors.groupingBy(
                r -> r.receivedAt().toEpochMilli() / WINDOW.toMillis(), TreeMap::new, Collectors.counting()));
        // the first and last windows are partial by construction; every window in between must be (nearly) full
        Map<Long, Long> fullWindows = acceptedPerWindow.subMap(acceptedPerWindow.firstKey(), false,
                acceptedPerWindow.lastKey(), false);
        long usedInFullWindows = fullWindows.values().stream().mapToLong(Long::longValue).sum();
        double utilisation = fullWindows.isEmpty() ? 1.0 : (double) usedInFullWindows / (fullWindows.size() * LIMIT);
        System.out.printf("Pacing at %d requests per %s: %d requests, %d answered 429 (%.2f%%), accepted per window %s,"
                          + " utilisation of full windows %.1f%%%n", LIMIT, WINDOW, requests, rateLimited,
                100.0 * rateLimited / requests, acceptedPerWindow.values(), 100 * utilisation);

        assertThat(braze.requests()).hasSize(RECORDS);
        assertThat(rateLimited).as("429s").isLessThanOrEqualTo(requests / 100);
        assertThat(fullWindows).as("the run spans full windows").isNotEmpty();
        assertThat(utilisation).as("share of the allowed rate used").isGreaterThanOrEqualTo(0.9);
        assertThat(braze.requests()).extracting(RecordedRequest::accepted).containsOnly(true);
    }
}
