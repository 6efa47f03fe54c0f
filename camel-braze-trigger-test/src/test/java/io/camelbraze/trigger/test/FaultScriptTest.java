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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each scripted fault (braze-api.md §9 rule 13 and the brief's list). */
class FaultScriptTest {

    private static final String CANVAS = json("{'canvas_id':'cv-1','recipients':[{'external_user_id':'1'}]}");
    private static final String CAMPAIGN = json("{'campaign_id':'cmp-1','recipients':[{'external_user_id':'1'}]}");

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension();

    private final Http http = new Http(braze);

    @Test
    void rateLimitedBurstThenNormal() {
        braze.script().rateLimited(2, 30);
        long before = Instant.now().getEpochSecond();

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> limited = http.canvas(CANVAS);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.body()).startsWith("{\"message\":");
            assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
            assertThat(Long.parseLong(limited.headers().firstValue("X-RateLimit-Reset").orElseThrow()))
                    .isBetween(before + 30, before + 32);
            assertThat(limited.headers().firstValue("Retry-After")).isEmpty();
        }
        assertThat(http.canvas(CANVAS).statusCode()).isEqualTo(201);
        assertThat(braze.rejectedRequests()).extracting(RecordedRequest::status).containsExactly(429, 429);
    }

    @Test
    void serverErrorsAnyStatus() {
        braze.script().serverError(1, 503).serverError(1, 500);

        HttpResponse<String> first = http.canvas(CANVAS);
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.body()).startsWith("{\"message\":");
        assertThat(http.canvas(CANVAS).statusCode()).isEqualTo(500);
        assertThat(http.canvas(CANVAS).statusCode()).isEqualTo(201);
        assertThatThrownBy(() -> braze.script().serverError(1, 404)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void htmlBadGatewayFromALoadBalancer() {
        braze.script().badGatewayHtml(1);

        HttpResponse<String> response = http.canvas(CANVAS);
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("<html>").contains("502 Bad Gateway");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    }

    @Test
    void slowResponse() {
        braze.script().delay(1, Duration.ofMillis(700));

        long start = System.nanoTime();
        assertThat(http.canvas(CANVAS).statusCode()).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(650));
        start = System.nanoTime();
        http.canvas(CANVAS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(650));
    }

    @Test
    void delayAppliesToRejectionsToo() {
        braze.script().delay(1, Duration.ofMillis(500));

        long start = System.nanoTime();
        assertThat(http.canvas(json("{'canvas_id':'cv-1'}")).statusCode()).isEqualTo(400);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }

    @Test
    void droppedConnectionAndEmptyResponse() {
        braze.script().dropConnection(1).emptyResponse(1);

        assertThatThrownBy(() -> http.canvas(CANVAS)).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> http.canvas(CANVAS)).isInstanceOf(UncheckedIOException.class);
        assertThat(http.canvas(CANVAS).statusCode()).isEqualTo(201);
        assertThat(braze.rejectedRequests()).extracting(RecordedRequest::status).containsExactly(0, 0);
        assertThat(braze.requests()).hasSize(1);
    }

    @Test
    void acceptThenDropConnectionRecordsTheSendButTheClientGetsNoAnswer() {
        braze.script().acceptThenDropConnection(1);

        assertThat(http.canvas(json("{'canvas_id':'cv-1'}")).statusCode()).as("a refused request keeps the fault").isEqualTo(400);
        assertThatThrownBy(() -> http.canvas(CANVAS)).isInstanceOf(UncheckedIOException.class);
        assertThat(http.canvas(CANVAS).statusCode()).as("used up by one accepted request").isEqualTo(201);

        assertThat(braze.requests()).hasSize(2).first().satisfies(dropped -> {
            assertThat(dropped.status()).isEqualTo(201);
            assertThat(dropped.dispatchId()).isPresent();
            assertThat(dropped.message()).contains("connection dropped");
        });
        assertThat(braze.acceptedRecipients()).hasSize(2);
    }

    @Test
    void acceptThenDropConnectionAtRandomWithAFixedSeed() {
        braze.script().withProbability(0.25, new Random(7)).acceptThenDropConnection(FaultScript.UNLIMITED);

        int dropped = 0;
        for (int i = 0; i < 40; i++) {
            try {
                assertThat(http.canvas(CANVAS).statusCode()).isEqualTo(201);
            } catch (UncheckedIOException e) {
                dropped++;
            }
        }
        assertThat(dropped).isBetween(1, 39);
        assertThat(braze.requests()).as("every request was accepted, dropped or not").hasSize(40);
        assertThat(braze.requests().stream().filter(r -> r.message().contains("connection dropped"))).hasSize(dropped);
    }

    @Test
    void pausedCanvasNoticeOnlyOnCanvasSuccess() {
        braze.script().pausedCanvas(1);

        assertThat(http.campaign(CAMPAIGN).body()).doesNotContain("notice");
        assertThat(http.canvas(json("{'canvas_id':'cv-1'}")).statusCode()).as("a refused request keeps the fault").isEqualTo(400);
        HttpResponse<String> paused = http.canvas(CANVAS);
        assertThat(paused.statusCode()).isEqualTo(201);
        assertThat(paused.body()).contains("\"notice\":\"" + Settings.PAUSED_NOTICE + "\"");
        assertThat(http.canvas(CANVAS).body()).doesNotContain("notice");
    }

    @Test
    void archivedCanvasNotice() {
        braze.script().archivedCanvas(1);
        assertThat(http.canvas(CANVAS).body()).contains(Settings.ARCHIVED_NOTICE);
    }

    @Test
    void nonFatalErrorsInA201() {
        braze.script().nonFatalErrors(1, "minor problem");

        HttpResponse<String> response = http.campaign(CAMPAIGN);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("\"message\":\"success\"").contains("\"errors\":[\"minor problem\"]");
    }

    @Test
    void historicQueued202CountsAsAccepted() {
        braze.script().queued(1);

        HttpResponse<String> response = http.canvas(CANVAS);
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"message\":\"queued\"}");
        assertThat(braze.requests()).singleElement().satisfies(r -> {
            assertThat(r.accepted()).isTrue();
            assertThat(r.dispatchId()).isEmpty();
        });
    }

    @Test
    void faultsCanBeScopedToOneEndpoint() {
        braze.script().on(BrazeEndpoint.CAMPAIGN).serverError(1, 503);

        assertThat(http.canvas(CANVAS).statusCode()).isEqualTo(201);
        assertThat(http.campaign(CAMPAIGN).statusCode()).isEqualTo(503);
        assertThat(http.campaign(CAMPAIGN).statusCode()).isEqualTo(201);
    }

    @Test
    void probabilityHitsSomeRequestsUntilTheCountIsUsed() {
        braze.script().withProbability(0.5, new Random(42)).serverError(3, 503);

        int failures = 0;
        for (int i = 0; i < 40; i++) {
            failures += http.canvas(CANVAS).statusCode() == 503 ? 1 : 0;
        }
        assertThat(failures).isEqualTo(3);
    }

    @Test
    void unlimitedFaultsUntilCleared() {
        braze.script().serverError(FaultScript.UNLIMITED, 500);
        for (int i = 0; i < 5; i++) {
            assertThat(http.canvas(CANVAS).statusCode()).isEqualTo(500);
        }
        braze.script().clear();
        assertThat(http.canvas(CANVAS).statusCode()).isEqualTo(201);
    }

    @Test
    void faultsAreServedBeforeAuthentication() {
        braze.script().serverError(1, 502);
        assertThat(http.post(BrazeEndpoint.CANVAS.path(), "wrong-key", CANVAS).statusCode()).isEqualTo(502);
    }

    @Test
    void concurrentRequestsConsumeEachFaultOnce() throws Exception {
        braze.script().serverError(10, 503);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                statuses.add(pool.submit(() -> http.canvas(CANVAS).statusCode()));
            }
            int failures = 0;
            for (java.util.concurrent.Future<Integer> status : statuses) {
                failures += status.get() == 503 ? 1 : 0;
            }
            assertThat(failures).isEqualTo(10);
            assertThat(braze.requests()).hasSize(30);
        } finally {
            pool.shutdownNow();
        }
    }
}
