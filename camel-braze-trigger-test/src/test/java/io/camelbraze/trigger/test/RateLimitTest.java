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
package io.camelbraze.trigger.test;

import static io.camelbraze.trigger.test.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rate limiting (braze-api.md §9 rule 12) with a hand-moved clock. */
class RateLimitTest {

    private static final String TARGETED = json("{'canvas_id':'cv-1','recipients':[{'external_user_id':'1'}]}");

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow();
    }

    @Test
    void targetedWindowCountsDownRefusesWith429AndRefillsAtTheReset() {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T10:00:00.300Z"));
        try (FakeBraze braze = FakeBraze.builder().clock(clock).rateLimited(3, Duration.ofSeconds(2)).build().start()) {
            Http http = new Http(braze);
            long windowEnd = Instant.parse("2025-01-01T10:00:02Z").getEpochSecond();

            for (int remaining = 2; remaining >= 0; remaining--) {
                HttpResponse<String> ok = http.canvas(TARGETED);
                assertThat(ok.statusCode()).isEqualTo(201);
                assertThat(header(ok, "X-RateLimit-Limit")).isEqualTo("3");
                assertThat(header(ok, "X-RateLimit-Remaining")).isEqualTo(String.valueOf(remaining));
                assertThat(header(ok, "X-RateLimit-Reset")).isEqualTo(String.valueOf(windowEnd));
            }
            HttpResponse<String> limited = http.canvas(TARGETED);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.body()).startsWith("{\"message\":");
            assertThat(header(limited, "X-RateLimit-Remaining")).isEqualTo("0");
            assertThat(header(limited, "X-RateLimit-Reset")).isEqualTo(String.valueOf(windowEnd));
            assertThat(limited.headers().firstValue("Retry-After")).isEmpty();

            clock.advance(Duration.ofMillis(1_700));
            HttpResponse<String> next = http.canvas(TARGETED);
            assertThat(next.statusCode()).isEqualTo(201);
            assertThat(header(next, "X-RateLimit-Remaining")).isEqualTo("2");
            assertThat(header(next, "X-RateLimit-Reset")).isEqualTo(String.valueOf(windowEnd + 2));
            assertThat(braze.requests()).hasSize(4);
            assertThat(braze.rejectedRequests()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(429));
        }
    }

    @Test
    void resetOfAWindowEndingBetweenSecondsIsRoundedUp() {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T10:00:00Z"));
        try (FakeBraze braze = FakeBraze.builder().clock(clock).rateLimited(10, Duration.ofMillis(1_500)).build().start()) {
            HttpResponse<String> response = new Http(braze).canvas(TARGETED);
            long expected = Instant.parse("2025-01-01T10:00:01.500Z").getEpochSecond() + 1;
            assertThat(header(response, "X-RateLimit-Reset")).isEqualTo(String.valueOf(expected));
        }
    }

    @Test
    void defaultHourlyBucketResetsOnTheClockHour() {
        MutableClock clock = new MutableClock(Instant.parse("2020-06-17T20:59:59Z"));
        try (FakeBraze braze = FakeBraze.builder().clock(clock).build().start()) {
            HttpResponse<String> response = new Http(braze).canvas(TARGETED);
            assertThat(header(response, "X-RateLimit-Reset")).isEqualTo("1592427600");
            assertThat(header(response, "X-RateLimit-Limit")).isEqualTo("250000");
        }
    }

    @Test
    void broadcastsHaveTheirOwnPerAudienceAndOverallBuckets() {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T10:00:10Z"));
        try (FakeBraze braze = FakeBraze.builder().clock(clock).broadcastRateLimits(5, 2, Duration.ofMinutes(1)).build().start()) {
            Http http = new Http(braze);
            String segment = json("{'canvas_id':'cv-1','broadcast':true}");
            String vip = json("{'canvas_id':'cv-1','broadcast':true,'audience':{'custom_attribute':"
                    + "{'custom_attribute_name':'vip','comparison':'equals','value':true}}}");
            String vipReordered = json("{'broadcast':true,'audience':{'custom_attribute':"
                    + "{'value':true,'comparison':'equals','custom_attribute_name':'vip'}},'canvas_id':'cv-1'}");

            assertThat(http.canvas(segment).statusCode()).isEqualTo(201);
            HttpResponse<String> second = http.canvas(segment);
            assertThat(second.statusCode()).isEqualTo(201);
            assertThat(header(second, "X-RateLimit-Reset")).isEqualTo(String.valueOf(Instant.parse("2025-01-01T10:01:00Z").getEpochSecond()));
            assertThat(http.canvas(segment).statusCode()).as("third send to the same audience in a minute").isEqualTo(429);

            assertThat(http.canvas(vip).statusCode()).isEqualTo(201);
            assertThat(http.canvas(vipReordered).statusCode()).isEqualTo(201);
            assertThat(http.canvas(vip).statusCode()).as("same audience, keys in another order").isEqualTo(429);

            assertThat(http.campaign(json("{'campaign_id':'c','broadcast':true}")).statusCode()).isEqualTo(201);
            assertThat(http.campaign(json("{'campaign_id':'d','broadcast':true}")).statusCode()).as("overall bucket of 5").isEqualTo(429);

            assertThat(http.canvas(TARGETED).statusCode()).as("targeted sends are counted elsewhere").isEqualTo(201);

            clock.advance(Duration.ofMinutes(1));
            assertThat(http.canvas(segment).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void resetRefillsTheBuckets() {
        try (FakeBraze braze = FakeBraze.builder().rateLimited(1, Duration.ofHours(1)).build().start()) {
            Http http = new Http(braze);
            assertThat(http.canvas(TARGETED).statusCode()).isEqualTo(201);
            assertThat(http.canvas(TARGETED).statusCode()).isEqualTo(429);
            braze.reset();
            assertThat(http.canvas(TARGETED).statusCode()).isEqualTo(201);
        }
    }
}
