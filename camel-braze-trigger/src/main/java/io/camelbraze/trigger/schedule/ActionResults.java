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
package io.camelbraze.trigger.schedule;

import static io.camelbraze.trigger.BrazeTriggerConstants.SCHEDULE_ID;
import static io.camelbraze.trigger.BrazeTriggerConstants.SCHEDULE_IDS;
import static io.camelbraze.trigger.BrazeTriggerConstants.SEND_ID;

import java.util.List;

import org.apache.camel.Message;

import io.camelbraze.trigger.BrazeAction;
import io.camelbraze.trigger.BrazeRateLimitException;
import io.camelbraze.trigger.delivery.AcceptedResults;

/**
 * The result headers an action adds to those of every send (dispatch ids, counts, notices):
 * <ul>
 * <li>{@code schedule}: {@code CamelBrazeScheduleIds} (one per request, in order; also after a failure, for the schedules
 * Braze did create) and {@code CamelBrazeScheduleId} (the last one);</li>
 * <li>{@code createSendId}: {@code CamelBrazeSendId}, the id Braze created; a 429 becomes
 * {@link BrazeRateLimitException#sendIdLimit};</li>
 * <li>{@code send}: {@code CamelBrazeSendId} when Braze answered a {@code send_id} (a broadcast campaign send).</li>
 * </ul>
 */
public final class ActionResults {

    private final BrazeAction action;

    public ActionResults(BrazeAction action) {
        this.action = action;
    }

    /** Every request was accepted. */
    public void accepted(Message message, AcceptedResults results) {
        if (action == BrazeAction.schedule) {
            List<String> ids = results.scheduleIds();
            message.setHeader(SCHEDULE_IDS, ids);
            if (ids.isEmpty() || ids.get(ids.size() - 1) == null) {
                message.removeHeader(SCHEDULE_ID);
            } else {
                message.setHeader(SCHEDULE_ID, ids.get(ids.size() - 1));
            }
        } else if ((action == BrazeAction.createSendId || action == BrazeAction.send) && results.sendId() != null) {
            // a send: Braze tracks a broadcast campaign send under a send id, the request's or one it made up
            message.setHeader(SEND_ID, results.sendId());
        }
    }

    /** The delivery failed after Braze accepted {@code accepted}; returns the failure to put on the exchange. */
    public Throwable failed(Message message, AcceptedResults accepted, Throwable failure) {
        if (action == BrazeAction.schedule) {
            message.setHeader(SCHEDULE_IDS, accepted.scheduleIds());
            message.removeHeader(SCHEDULE_ID);
        }
        // a 429 Braze answered (it has response headers), not the component's own pacing giving up before sending
        if (action == BrazeAction.createSendId && failure instanceof BrazeRateLimitException rateLimited
            && !rateLimited.getResponseHeaders().isEmpty()) {
            return BrazeRateLimitException.sendIdLimit(rateLimited.getBrazeMessage(), rateLimited.getResponseHeaders());
        }
        return failure;
    }
}
