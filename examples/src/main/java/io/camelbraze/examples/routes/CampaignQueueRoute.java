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
package io.camelbraze.examples.routes;

import io.camelbraze.trigger.BrazeTriggerException;
import org.apache.camel.builder.RouteBuilder;

/**
 * JMS example: each JSON message on {@code braze.campaign.triggers} (one recipient or a whole request, in Braze's field
 * names, with {@code trigger_properties}) becomes a campaign send. Retrying is left to this route's error handler
 * ({@code maxRetries=0} on the endpoint) so that redelivery shows in the route. A message that still fails after redelivery goes,
 * unchanged, to {@code braze.campaign.DLQ} with the reason in the {@code BrazeFailureReason} property; a message that can
 * never succeed (invalid, or refused by Braze) goes there at once. A message is acknowledged only once the route is done
 * with it ({@code CLIENT_ACKNOWLEDGE}; Camel's default acknowledges it before the route runs), so that a JVM that dies
 * during a send leaves it on the broker to be delivered again. The cluster example runs it on every node with consumer
 * and send options of its own ({@link #CampaignQueueRoute(String, String)}).
 */
public final class CampaignQueueRoute extends RouteBuilder {

    public static final String ROUTE_ID = "campaign-queue";
    public static final String QUEUE = "braze.campaign.triggers";
    public static final String DEAD_LETTER_QUEUE = "braze.campaign.DLQ";
    public static final String REASON_HEADER = "BrazeFailureReason";

    private final String consumerOptions;
    private final String sendOptions;

    /** The route as the single-node example runs it. */
    public CampaignQueueRoute() {
        this("", "");
    }

    /**
     * @param consumerOptions more JMS consumer options, each starting with {@code &} (e.g. {@code &concurrentConsumers=50})
     * @param sendOptions     appended to the {@code braze-trigger} endpoint's options, each starting with {@code &} (e.g.
     *                        {@code &batchSize=50})
     */
    public CampaignQueueRoute(String consumerOptions, String sendOptions) {
        this.consumerOptions = consumerOptions;
        this.sendOptions = sendOptions;
    }

    @Override
    public void configure() {
        errorHandler(deadLetterChannel("jms:queue:" + DEAD_LETTER_QUEUE)
                .useOriginalMessage()
                .maximumRedeliveries(2).redeliveryDelay(500).backOffMultiplier(2)
                .onPrepareFailure(exchange -> exchange.getIn().setHeader(REASON_HEADER, BrazeErrors.reason(exchange))));

        // redeliver only what Braze provably did not accept; what can't succeed or could message someone twice goes
        // straight to the dead-letter queue
        onException(BrazeTriggerException.class)
                .retryWhile(BrazeErrors.retrySafeAtMost(2)).redeliveryDelay(500).backOffMultiplier(2);

        from("jms:queue:" + QUEUE + "?acknowledgementModeName=CLIENT_ACKNOWLEDGE" + consumerOptions)
                .routeId(ROUTE_ID)
                .to("braze-trigger:campaign?campaignId={{braze.campaignId}}&maxRetries=0" + sendOptions)
                .log("campaign send for ${header.CamelBrazeRecipientCount} recipient(s), dispatch ${header.CamelBrazeDispatchId}");
    }
}
