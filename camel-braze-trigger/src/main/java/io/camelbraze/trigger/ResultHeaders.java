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

import io.camelbraze.trigger.delivery.AcceptedResults;
import io.camelbraze.trigger.delivery.DeliveryOutcome;
import io.camelbraze.trigger.mapping.RejectedRecords;
import io.camelbraze.trigger.schedule.ActionResults;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what became of a send onto the exchange's message: what Braze accepted (dispatch ids, counts, notice, non-fatal
 * errors, and the action's own ids), what was set aside or skipped, and after a failure what was not sent.
 */
final class ResultHeaders {

    private static final Logger LOG = LoggerFactory.getLogger(ResultHeaders.class);

    private final BrazeTriggerConfiguration configuration;
    private final ActionResults actionResults;

    ResultHeaders(BrazeTriggerConfiguration configuration) {
        this.configuration = configuration;
        this.actionResults = new ActionResults(configuration.getAction());
    }

    /** The records set aside with invalidRecords=skip, if any. */
    void rejects(Message message, RejectedRecords rejects) {
        if (rejects != null) {
            message.setHeader(BrazeTriggerConstants.REJECTED_RECORDS, rejects.list());
            message.setHeader(BrazeTriggerConstants.REJECTED_COUNT, rejects.count());
        }
    }

    /** Every record was set aside: nothing was sent. */
    void allRejected(Message message, RejectedRecords rejects) {
        rejects(message, rejects);
        message.setHeader(BrazeTriggerConstants.RECIPIENT_COUNT, 0);
        message.setHeader(BrazeTriggerConstants.REQUEST_COUNT, 0);
        message.setHeader(BrazeTriggerConstants.DISPATCH_IDS, List.of());
        LOG.warn("Every record of the {} send was invalid and set aside ({}); nothing was sent", configuration.getOperation(),
                rejects == null ? 0 : rejects.count());
    }

    /**
     * A delivery of one exchange ended.
     *
     * @return the failure to put on the exchange, or null when every request was accepted or skipped
     */
    Throwable delivered(Message message, DeliveryOutcome outcome, RejectedRecords rejects) {
        rejects(message, rejects);
        if (configuration.getIdempotentRepository() != null) {
            message.setHeader(BrazeTriggerConstants.SKIPPED_REQUESTS, outcome.skippedRequests());
        }
        if (outcome.failure() != null) {
            // what Braze did accept travels with the failure, so a dead-letter route or a replay knows it
            message.setHeader(BrazeTriggerConstants.RECIPIENT_COUNT, outcome.acceptedRecipients());
            message.setHeader(BrazeTriggerConstants.REQUEST_COUNT, outcome.accepted().requestCount());
            message.setHeader(BrazeTriggerConstants.DISPATCH_IDS, outcome.accepted().dispatchIds());
            message.setHeader(BrazeTriggerConstants.UNSENT_RECIPIENTS,
                    outcome.unsentRecords(rejects == null ? 0 : rejects.count()));
            return actionResults.failed(message, outcome.accepted(), outcome.failure());
        }
        accepted(message, outcome.accepted(), outcome.acceptedRecipients());
        actionResults.accepted(message, outcome.accepted());
        if (outcome.skippedRequests() > 0) {
            LOG.info("Skipped {} request(s) ({} recipients) Braze had accepted before, according to the idempotent repository",
                    outcome.skippedRequests(), outcome.skippedRecipients());
        }
        return null;
    }

    /** The batch an exchange's recipients went in failed: none of them was sent. */
    void batchFailed(Message message, int recipients) {
        message.setHeader(BrazeTriggerConstants.RECIPIENT_COUNT, 0);
        message.setHeader(BrazeTriggerConstants.UNSENT_RECIPIENTS, recipients);
    }

    /** Braze accepted every request; {@code recipients} of them were this exchange's. */
    void accepted(Message message, AcceptedResults results, int recipients) {
        List<String> dispatchIds = results.dispatchIds();
        if (dispatchIds.isEmpty()) {
            message.removeHeader(BrazeTriggerConstants.DISPATCH_ID);
        } else {
            message.setHeader(BrazeTriggerConstants.DISPATCH_ID, dispatchIds.get(dispatchIds.size() - 1));
        }
        message.setHeader(BrazeTriggerConstants.DISPATCH_IDS, dispatchIds);
        message.setHeader(BrazeTriggerConstants.RECIPIENT_COUNT, recipients);
        message.setHeader(BrazeTriggerConstants.REQUEST_COUNT, results.requestCount());
        if (results.notice() != null) {
            message.setHeader(BrazeTriggerConstants.NOTICE, results.notice());
            LOG.warn("Braze accepted the {} {} send with a notice: {}", configuration.getOperation(),
                    configuration.targetId(), results.notice());
        }
        if (!results.errors().isEmpty()) {
            message.setHeader(BrazeTriggerConstants.ERRORS, results.errors());
            // the entries may name users: only their number is logged
            LOG.warn("Braze accepted the {} send with {} non-fatal error(s); see header {}", configuration.getOperation(),
                    results.errors().size(), BrazeTriggerConstants.ERRORS);
        }
        LOG.debug("Braze accepted {} request(s) with {} recipient(s): dispatch ids {}", results.requestCount(), recipients,
                dispatchIds);
    }
}
