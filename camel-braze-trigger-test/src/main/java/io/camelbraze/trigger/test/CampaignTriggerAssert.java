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

import java.util.List;

/** Checks on accepted sends of one campaign; see {@link TriggerAssert}. From {@link FakeBraze#assertCampaignTriggered(String)}. */
public final class CampaignTriggerAssert extends TriggerAssert<CampaignTriggerAssert> {

    CampaignTriggerAssert(String campaignId, List<RecordedRequest> received) {
        super(BrazeEndpoint.CAMPAIGN, campaignId, received);
    }

    /**
     * Narrows to recipients whose effective {@code trigger_properties} (the request's overridden by the recipient's)
     * have {@code key} equal to {@code value}.
     */
    public CampaignTriggerAssert withTriggerProperty(String key, Object value) {
        return withProperty(key, value);
    }

    /** Narrows to requests sent with this {@code send_id}. */
    public CampaignTriggerAssert withSendId(String sendId) {
        return narrow("with send_id \"" + sendId + "\"", r -> sendId.equals(r.request().json().path("send_id").asText(null)));
    }
}
