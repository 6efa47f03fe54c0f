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

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import io.camelbraze.trigger.test.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Producer-level batching: one record per exchange, up to 50 recipients per request, only compatible records together;
 * a record that fails validation fails alone, a request Braze rejects fails each of its records with the cause.
 */
class BatchingRouteTest extends CamelTestSupport {

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder().knownCanvasIds("cv-1", "cv-2"));

    private final Map<String, Exchange> succeeded = new ConcurrentHashMap<>();
    private final Map<String, Exception> failed = new ConcurrentHashMap<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(BrazeTriggerException.class).handled(true)
                        .process(e -> failed.put(e.getMessage().getHeader("id", String.class),
                                e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));

                from("seda:records").routeId("records")
                        .to("braze-trigger:canvas?canvasId=cv-1&batchSize=50&batchTimeout=300&maxRetries=0")
                        .process(e -> succeeded.put(e.getMessage().getHeader("id", String.class), e.copy()));
            }
        };
    }

    private void sendAndWait(int count, java.util.function.IntFunction<Map<String, Object>> headers,
                             java.util.function.IntFunction<Object> body) {
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("records").whenDone(count).create();
        for (int i = 0; i < count; i++) {
            Map<String, Object> h = new java.util.HashMap<>(headers.apply(i));
            h.put("id", "r" + i);
            template.sendBodyAndHeaders("seda:records", body.apply(i), h);
        }
        assertThat(done.matches(30, TimeUnit.SECONDS)).as("all records done").isTrue();
    }

    @Test
    void singleRecordsShareRequestsOfAtMost50AndBadRecordsFailAlone() {
        sendAndWait(123, i -> Map.of(),
                i -> i % 40 == 7 ? Map.of("external_user_id", "u" + i, "email", "x@example.com") : Map.of("external_user_id", "u" + i));

        List<RecordedRequest> requests = braze.requests();
        int recipients = requests.stream().mapToInt(r -> r.recipients().size()).sum();
        System.out.printf("Batching: %d records, %d requests, recipients per request %s%n", 123, requests.size(),
                requests.stream().map(r -> r.recipients().size()).toList());
        assertThat(failed).hasSize(3).allSatisfy((id, e) -> assertThat(e).isInstanceOf(BrazeValidationException.class)
                .hasMessageContaining("exactly one"));
        assertThat(recipients).isEqualTo(120);
        assertThat(requests).allSatisfy(r -> assertThat(r.recipients().size()).isBetween(1, 50));
        assertThat(requests.size()).as("requests for 120 recipients").isLessThan(10);
        assertThat(succeeded).hasSize(120);

        // each record carries the dispatch id of the request it went out in, and counts only itself
        Map<String, String> dispatchByUser = new java.util.HashMap<>();
        requests.forEach(r -> r.recipients().forEach(rec -> dispatchByUser.put(rec.path("external_user_id").asText(),
                r.dispatchId().orElseThrow())));
        succeeded.forEach((id, exchange) -> {
            String user = "u" + id.substring(1);
            assertThat(exchange.getMessage().getHeader(BrazeTriggerConstants.DISPATCH_ID)).isEqualTo(dispatchByUser.get(user));
            assertThat(exchange.getMessage().getHeader(BrazeTriggerConstants.RECIPIENT_COUNT)).isEqualTo(1);
        });
    }

    @Test
    void onlyCompatibleRecordsShareARequestAndARejectedRequestFailsEachOfItsRecords() {
        sendAndWait(30, i -> switch (i % 3) {
            case 0 -> Map.of(BrazeTriggerConstants.CANVAS_ID, "cv-2");
            case 1 -> Map.of(BrazeTriggerConstants.CANVAS_ID, "cv-unknown");
            default -> Map.of(BrazeTriggerConstants.CONTEXT, Map.of("campaign", "spring"));
        }, i -> Map.of("external_user_id", "u" + i));

        assertThat(braze.requests()).allSatisfy(r -> {
            List<String> users = r.recipients().stream().map(n -> n.path("external_user_id").asText()).toList();
            int group = Integer.parseInt(users.get(0).substring(1)) % 3;
            assertThat(users).allSatisfy(u -> assertThat(Integer.parseInt(u.substring(1)) % 3).isEqualTo(group));
        });
        braze.assertCanvasTriggered("cv-2").times(10);
        braze.assertCanvasTriggered("cv-1").withContext("campaign", "spring").times(10);
        assertThat(failed).hasSize(10).allSatisfy((id, e) -> {
            assertThat(Integer.parseInt(id.substring(1)) % 3).isEqualTo(1);
            assertThat(e).isInstanceOfSatisfying(BrazeApiException.class, api -> assertThat(api.getStatusCode()).isEqualTo(400));
        });
    }
}
