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
package io.camelbraze.trigger.mapping;

import static io.camelbraze.trigger.BrazeTriggerConstants.CAMPAIGN_ID;
import static io.camelbraze.trigger.BrazeTriggerConstants.SCHEDULE_AT_OPTIMAL_TIME;
import static io.camelbraze.trigger.BrazeTriggerConstants.SCHEDULE_IN_LOCAL_TIME;
import static io.camelbraze.trigger.BrazeTriggerConstants.SCHEDULE_TIME;
import static io.camelbraze.trigger.BrazeTriggerConstants.SEND_ID;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.camelbraze.trigger.BrazeAction;
import io.camelbraze.trigger.BrazeTriggerConfiguration;
import io.camelbraze.trigger.BrazeValidationException;

/**
 * The request of {@code action=createSendId}: {@code POST /sends/id/create} with {@code {"campaign_id": …, "send_id": …}}.
 * <ul>
 * <li>Body: none, or a map / JSON object with {@code campaign_id} and {@code send_id}; nothing else.</li>
 * <li>Campaign id: header {@code CamelBrazeCampaignId} &gt; body &gt; endpoint option; required.</li>
 * <li>Send id (optional; Braze makes one up when none is proposed): header {@code CamelBrazeSendId} &gt; body &gt; endpoint
 * option {@code sendId}; ASCII, at most 64 characters.</li>
 * </ul>
 */
final class SendIdMapper implements SingleRequestMapper {

    private static final String ONLY_IDS = "it creates a send id for a campaign and takes only campaign_id and send_id";

    private final BrazeTriggerConfiguration configuration;

    SendIdMapper(BrazeTriggerConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public Object map(Exchange exchange) {
        Message message = exchange.getMessage();
        SingleRequestInputs.refuseHeaders(message, BrazeAction.createSendId, ONLY_IDS, SCHEDULE_TIME, SCHEDULE_IN_LOCAL_TIME,
                SCHEDULE_AT_OPTIMAL_TIME);
        Map<String, Object> body = SingleRequestInputs.objectBody(message.getBody(), BrazeAction.createSendId,
                Set.of("campaign_id", "canvas_id", "send_id"), ONLY_IDS);
        String campaignId = SingleRequestInputs.targetId(message, body, "campaign_id", "canvas_id", CAMPAIGN_ID,
                configuration.getCampaignId());
        if (campaignId == null || campaignId.isBlank()) {
            throw new BrazeValidationException("campaign_id", "required: set the endpoint option campaignId, the header "
                                                              + CAMPAIGN_ID + " or the body field campaign_id");
        }
        String sendId = sendId(message, body);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("campaign_id", campaignId);
        if (sendId != null) {
            BrazeRequestValidator.checkSendId(sendId);
            request.put("send_id", sendId);
        }
        return request;
    }

    private String sendId(Message message, Map<String, Object> body) {
        String header = HeaderValues.text(message, SEND_ID);
        if (header != null) {
            return header;
        }
        Object fromBody = body == null ? null : body.get("send_id");
        if (fromBody != null) {
            if (!(fromBody instanceof String text)) {
                throw new BrazeValidationException("send_id", "must be a string");
            }
            return text;
        }
        return configuration.getSendId();
    }
}
