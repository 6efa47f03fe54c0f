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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake holds a delayed answer on a timer, not on a server thread, as Braze holds the requests of many senders for
 * its round trip: 300 requests sent at once are all received while the first is still held.
 */
class FakeBrazeHeldAnswersTest {

    private static final int REQUESTS = 300;
    private static final Duration HELD = Duration.ofSeconds(2);

    @Test
    void holdsThreeHundredAnswersAtOnce() throws Exception {
        try (FakeBraze braze = FakeBraze.builder().knownCanvasIds("cv-1").build().start()) {
            braze.script().delay(FaultScript.UNLIMITED, HELD);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(braze.baseUri() + BrazeEndpoint.CANVAS.path()))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + braze.apiKey())
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"canvas_id\":\"cv-1\",\"recipients\":[{\"external_user_id\":\"u" + i + "\"}]}"))
                        .build();
                answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(201);
            }

            List<RecordedRequest> received = braze.requests();
            assertThat(received).hasSize(REQUESTS);
            Instant first = received.stream().map(RecordedRequest::receivedAt).min(Instant::compareTo).orElseThrow();
            Instant last = received.stream().map(RecordedRequest::receivedAt).max(Instant::compareTo).orElseThrow();
            assertThat(Duration.between(first, last)).as("every request arrived while the first answer was still held")
                    .isLessThan(HELD);
        }
    }
}
