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
import java.util.concurrent.TimeUnit;

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
 * A batch Braze refused, redelivered by the route's error handler. Camel's redelivery waits its delay by sleeping on the
 * thread the exchange completed on (unless {@code asyncDelayedRedelivery}): the members of one batch must each complete
 * on a thread of their own, so that they wait their delay side by side and come back together, not one after another.
 */
class BatchRedeliveryRouteTest extends CamelTestSupport {

    private static final int RECORDS = 20;

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder().knownCampaignIds("cp-1"));

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(1).redeliveryDelay(1000));

                from("seda:events?concurrentConsumers=" + RECORDS).routeId("events")
                        .to("braze-trigger:campaign?campaignId=cp-1&batchSize=50&maxRetries=0");
            }
        };
    }

    @Test
    void theMembersOfARefusedBatchAreRedeliveredTogether() {
        braze.script().serverError(2, 503); // the first record goes alone, the others gather behind it: both refused
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("events").whenCompleted(RECORDS).create();
        long start = System.nanoTime();
        for (int i = 0; i < RECORDS; i++) {
            template.sendBody("seda:events", java.util.Map.of("external_user_id", "u" + i));
        }

        assertThat(done.matches(60, TimeUnit.SECONDS)).as("every record done").isTrue();
        List<RecordedRequest> accepted = braze.requests();
        System.out.printf("Redelivered batch: %d records done in %d ms; accepted requests carried %s recipients%n", RECORDS,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                accepted.stream().map(r -> r.recipients().size()).toList());
        assertThat(braze.rejectedRequests()).as("the two refused requests").hasSize(2);
        assertThat(braze.acceptedRecipients()).as("each record accepted once").hasSize(RECORDS);
        assertThat(accepted.size()).as("requests the redelivered records went out in (they come back together)")
                .isLessThanOrEqualTo(3);
    }
}
