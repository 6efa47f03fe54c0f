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
package io.camelbraze.examples;

import java.time.Duration;

import io.camelbraze.examples.routes.CampaignQueueRoute;
import io.camelbraze.examples.run.SampleData;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

class CampaignQueueRouteTest extends ExampleRouteTestSupport {

    private static final String QUEUE = "jms:queue:" + CampaignQueueRoute.QUEUE;
    private static final String DLQ = "jms:queue:" + CampaignQueueRoute.DEAD_LETTER_QUEUE;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new CampaignQueueRoute();
    }

    @Test
    void sendsEachMessageAsACampaignAndDeadLettersTheInvalidOne() throws Exception {
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(CampaignQueueRoute.ROUTE_ID)
                .whenDone(SampleData.QUEUE_MESSAGES.size()).create();
        SampleData.QUEUE_MESSAGES.forEach(json -> template.sendBody(QUEUE, json));
        assertThat(done.matches(WAIT.toSeconds(), SECONDS)).as("every message handled").isTrue();

        // what Braze received: trigger_properties per recipient, top-level ones merged for the whole request
        braze.assertCampaignTriggered(CAMPAIGN).forExternalUserId("customer-17")
                .withTriggerProperty("coupon_code", "SUMMER-10").withTriggerProperty("expires", "2025-07-01").times(1);
        braze.assertCampaignTriggered(CAMPAIGN).forExternalUserId("customer-42").withTriggerProperty("coupon_code", "VIP-25");
        braze.assertCampaignTriggered(CAMPAIGN).forExternalUserId("customer-51").withTriggerProperty("coupon_code", "VIP-30");
        assertThat(braze.acceptedRecipients()).hasSize(6);
        assertThat(braze.rejectedRequests()).isEmpty();

        // what was rejected, and where: the original message on the DLQ, with the reason
        Exchange dead = consumer.receive(DLQ, 5000);
        assertThat(dead).isNotNull();
        assertThat(dead.getMessage().getBody(String.class)).isEqualTo(SampleData.QUEUE_MESSAGES.get(3));
        assertThat(dead.getMessage().getHeader(CampaignQueueRoute.REASON_HEADER, String.class))
                .startsWith("BrazeValidationException").contains("identifier");
        assertThat(consumer.receive(DLQ, 200)).isNull();

        // nothing lost
        assertThat(ledger.exchanges(CampaignQueueRoute.ROUTE_ID) + 1).isEqualTo(SampleData.QUEUE_MESSAGES.size());
        assertThat(environment.broker().depth(CampaignQueueRoute.QUEUE)).isZero();
    }

    @Test
    void aMessageStaysOnTheBrokerUntilItsSendIsDoneSoThatACrashCannotLoseIt() throws Exception {
        // Braze holds its answer: the send is under way, and a crash now must leave the message to be delivered again
        braze.script().delay(1, Duration.ofSeconds(2));
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(CampaignQueueRoute.ROUTE_ID).whenDone(1).create();
        template.sendBody(QUEUE, SampleData.QUEUE_MESSAGES.get(0));
        await("the send is under way", () -> context.getInflightRepository().size() > 0);
        Thread.sleep(200); // on its way to Braze, which holds the answer 2 s

        assertThat(environment.broker().held(CampaignQueueRoute.QUEUE))
                .as("the message is held by the broker (unacknowledged) while its send is under way").isEqualTo(1);

        assertThat(done.matches(WAIT.toSeconds(), SECONDS)).isTrue();
        braze.assertCampaignTriggered(CAMPAIGN).forExternalUserId("customer-17").times(1);
        await("the message is acknowledged once sent", () -> environment.broker().held(CampaignQueueRoute.QUEUE) == 0);
    }

    @Test
    void redeliversWhileBrazeFailsThenDeadLettersAfterTheLastRedelivery() throws Exception {
        braze.script().serverError(3, 503);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(CampaignQueueRoute.ROUTE_ID).whenDone(1).create();
        template.sendBody(QUEUE, SampleData.QUEUE_MESSAGES.get(0));
        assertThat(done.matches(WAIT.toSeconds(), SECONDS)).isTrue();

        // the first delivery and two redeliveries all got a 503; nothing was accepted
        assertThat(braze.rejectedRequests()).hasSize(3);
        assertThat(braze.requests()).isEmpty();
        Exchange dead = consumer.receive(DLQ, 5000);
        assertThat(dead).isNotNull();
        assertThat(dead.getMessage().getBody(String.class)).isEqualTo(SampleData.QUEUE_MESSAGES.get(0));
        assertThat(dead.getMessage().getHeader(CampaignQueueRoute.REASON_HEADER, String.class)).contains("503");
    }

    @Test
    void aRedeliveryThatSucceedsSendsOnceAndDeadLettersNothing() throws Exception {
        braze.script().serverError(1, 503);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(CampaignQueueRoute.ROUTE_ID).whenDone(1).create();
        template.sendBody(QUEUE, SampleData.QUEUE_MESSAGES.get(0));
        assertThat(done.matches(WAIT.toSeconds(), SECONDS)).isTrue();

        braze.assertCampaignTriggered(CAMPAIGN).forExternalUserId("customer-17").times(1);
        assertThat(consumer.receive(DLQ, 500)).isNull();
    }
}
