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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.camelbraze.trigger.delivery.AcceptedRequest;
import io.camelbraze.trigger.delivery.DeliveryListener;
import io.camelbraze.trigger.test.BrazeEndpoint;
import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import io.camelbraze.trigger.test.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.camelbraze.trigger.TargetRecipients.acceptedUsers;
import static io.camelbraze.trigger.TargetRecipients.firstRecipient;
import static io.camelbraze.trigger.TargetRecipients.ids;
import static io.camelbraze.trigger.TargetRecipients.requestsTo;
import static io.camelbraze.trigger.TargetRecipients.users;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, first row: one message sent to several targets in one route reaches every target in full. Each target's
 * progress (what Braze accepted, for resuming a redelivery) is its own: the second target neither reads the first's
 * progress as its own nor resends it.
 */
class MultipleTargetsRouteTest extends CamelTestSupport {

    private static final String CANVAS_A = "braze-trigger:canvas?canvasId=cv-a&maxRetries=0";
    private static final String CANVAS_B = "braze-trigger:canvas?canvasId=cv-b&maxRetries=0";
    private static final String CAMPAIGN_B = "braze-trigger:campaign?campaignId=cmp-b&maxRetries=0";
    private static final String MULTICAST_A = "braze-trigger:canvas?canvasId=cv-ma&maxRetries=0&maxConcurrentRequests=1";
    private static final String MULTICAST_B = "braze-trigger:canvas?canvasId=cv-mb&maxRetries=0&maxConcurrentRequests=1";

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder());

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:twoCanvases").routeId("twoCanvases").to(CANVAS_A).to(CANVAS_B);
                from("direct:canvasThenCampaign").routeId("canvasThenCampaign").to(CANVAS_A).to(CAMPAIGN_B);
                from("direct:multicast").routeId("multicast")
                        .onException(BrazeApiException.class).onWhen(e -> e.getException(BrazeApiException.class).isRetrySafe())
                            .maximumRedeliveries(1).redeliveryDelay(10)
                        .end()
                        .multicast().to(MULTICAST_A, MULTICAST_B);
            }
        };
    }

    static Stream<Arguments> targetsAndSizes() {
        return Stream.of(Arguments.of("direct:twoCanvases", "cv-b"), Arguments.of("direct:canvasThenCampaign", "cmp-b"))
                .flatMap(route -> IntStream.of(10, 50, 51, 120).mapToObj(n -> Arguments.of(route.get()[0], route.get()[1], n)));
    }

    /** {@code to(canvas A).to(canvas B)} and {@code to(canvas A).to(campaign B)}, with one request and with several. */
    @ParameterizedTest(name = "{0}, {2} recipients")
    @MethodSource("targetsAndSizes")
    void bothTargetsReceiveEveryRecipientOnce(String route, String second, int count) {
        Exchange result = template.send(route, e -> e.getMessage().setBody(users(count)));

        assertThat(result.getException()).as("the exchange succeeds at both targets").isNull();
        assertThat(acceptedUsers(braze, "cv-a")).as("canvas A").containsExactlyInAnyOrderElementsOf(ids(count));
        assertThat(acceptedUsers(braze, second)).as(second).containsExactlyInAnyOrderElementsOf(ids(count));
        assertThat(braze.rejectedRequests()).isEmpty();
    }

    /**
     * A multicast to A and B; B's second request is answered 500 (maxRetries=0), the route redelivers: only B's
     * request that Braze did not accept is sent again (and B's later one), never A's, and never B's first.
     */
    @Test
    void aMulticastRedeliveryAfterAPartialFailureOnBResendsOnlyBsUnacceptedRequests() {
        AtomicInteger acceptedByB = new AtomicInteger();
        context.getEndpoint(MULTICAST_B, BrazeTriggerEndpoint.class).getListener().add(new DeliveryListener() {
            @Override
            public void requestAccepted(int recipients, long latencyMillis, AcceptedRequest result) {
                if (acceptedByB.incrementAndGet() == 1) {
                    braze.script().on(BrazeEndpoint.CANVAS).serverError(1, 500); // B's 2nd request (A is done)
                }
            }
        });

        Exchange result = template.send("direct:multicast", e -> e.getMessage().setBody(users(120)));

        assertThat(result.getException()).as("B's redelivery completes the send").isNull();
        assertThat(acceptedUsers(braze, "cv-ma")).as("canvas A: each recipient once").containsExactlyInAnyOrderElementsOf(ids(120));
        assertThat(acceptedUsers(braze, "cv-mb")).as("canvas B: each recipient once").containsExactlyInAnyOrderElementsOf(ids(120));
        assertThat(requestsTo(braze, "cv-ma")).as("A's requests: 3, none resent").hasSize(3);
        List<RecordedRequest> toB = requestsTo(braze, "cv-mb");
        assertThat(toB).extracting(RecordedRequest::status).as("B: accepted, 500, then the two not yet accepted")
                .containsExactly(201, 500, 201, 201);
        assertThat(firstRecipient(toB.get(1))).isEqualTo("u50");
        assertThat(firstRecipient(toB.get(2))).as("the redelivery starts at B's unaccepted request").isEqualTo("u50");
    }
}
