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
import java.util.concurrent.atomic.AtomicInteger;

import io.camelbraze.trigger.delivery.AcceptedRequest;
import io.camelbraze.trigger.delivery.DeliveryListener;
import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import io.camelbraze.trigger.test.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelbraze.trigger.TargetRecipients.requestsTo;
import static io.camelbraze.trigger.TargetRecipients.timesAccepted;
import static io.camelbraze.trigger.TargetRecipients.users;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: progress resumes only a redelivery of the step that made it. A route that sends one exchange to the same
 * Canvas twice on purpose ({@code .to(X).to(X)}, or a {@code loop(2)}) reaches Braze twice; a redelivery of the second
 * step after a partial failure resends only what that step's Braze answer did not accept.
 */
class RepeatedStepRouteTest extends CamelTestSupport {

    private static final String CANVAS_X = "braze-trigger:canvas?canvasId=cv-x&maxRetries=0";
    private static final String CANVAS_LOOP = "braze-trigger:canvas?canvasId=cv-loop&maxRetries=0";
    private static final String CANVAS_REDELIVERED = "braze-trigger:canvas?canvasId=cv-r&maxRetries=0&maxConcurrentRequests=1";

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder());

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:twice").routeId("twice").to(CANVAS_X).to(CANVAS_X);
                from("direct:loop").routeId("loop").loop(2).to(CANVAS_LOOP).end();
                from("direct:redelivered").routeId("redelivered")
                        .onException(BrazeApiException.class).onWhen(e -> e.getException(BrazeApiException.class).isRetrySafe())
                            .maximumRedeliveries(1).redeliveryDelay(10)
                        .end()
                        .to(CANVAS_REDELIVERED).to(CANVAS_REDELIVERED);
            }
        };
    }

    @Test
    void theSameListToTheSameCanvasTwiceReachesBrazeTwice() {
        Exchange result = template.send("direct:twice", e -> e.getMessage().setBody(users(60)));

        assertThat(result.getException()).isNull();
        assertThat(timesAccepted(braze, "cv-x")).as("each recipient messaged once per step").hasSize(60).allSatisfy((id, n) ->
                assertThat(n).as(id).isEqualTo(2L));
        assertThat(requestsTo(braze, "cv-x")).hasSize(4);
    }

    @Test
    void aSingleRecipientToTheSameCanvasTwiceReachesBrazeTwice() {
        Exchange result = template.send("direct:twice", e -> e.getMessage().setBody(Map.of("external_user_id", "solo")));

        assertThat(result.getException()).isNull();
        assertThat(timesAccepted(braze, "cv-x")).containsExactly(Map.entry("solo", 2L));
    }

    @Test
    void aLoopOfTwoAroundOneEndpointReachesBrazeTwice() {
        Exchange result = template.send("direct:loop", e -> e.getMessage().setBody(users(60)));

        assertThat(result.getException()).isNull();
        assertThat(timesAccepted(braze, "cv-loop")).as("each recipient messaged once per iteration").hasSize(60)
                .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(2L));
        assertThat(requestsTo(braze, "cv-loop")).hasSize(4);
    }

    /**
     * 120 recipients, three requests per step, one at a time. Step 1 is accepted in full; step 2's second request is
     * answered 500 (maxRetries=0) and the route redelivers step 2: it resends that request and the one after it, never
     * step 2's first request and nothing of step 1.
     */
    @Test
    void aRedeliveryOfTheSecondStepResendsOnlyWhatThatStepsAnswerDidNotAccept() {
        AtomicInteger accepted = new AtomicInteger();
        context.getEndpoint(CANVAS_REDELIVERED, BrazeTriggerEndpoint.class).getListener().add(new DeliveryListener() {
            @Override
            public void requestAccepted(int recipients, long latencyMillis, AcceptedRequest result) {
                if (accepted.incrementAndGet() == 4) { // step 1's three requests and step 2's first
                    braze.script().serverError(1, 500);
                }
            }
        });

        Exchange result = template.send("direct:redelivered", e -> e.getMessage().setBody(users(120)));

        assertThat(result.getException()).isNull();
        List<RecordedRequest> sent = requestsTo(braze, "cv-r");
        assertThat(sent).extracting(RecordedRequest::status).as("step 1, then step 2 with its redelivery")
                .containsExactly(201, 201, 201, 201, 500, 201, 201);
        assertThat(sent).extracting(TargetRecipients::firstRecipient)
                .containsExactly("u0", "u50", "u100", "u0", "u50", "u50", "u100");
        assertThat(timesAccepted(braze, "cv-r")).hasSize(120).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(2L));
        assertThat(result.getMessage().getHeader(Exchange.REDELIVERY_COUNTER)).isEqualTo(1);
    }
}
