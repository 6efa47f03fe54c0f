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
     * @param failedRequests requests sent (at least one attempt reached the wire) that Braze did not accept; counted in
     *                       {@code CamelBrazeRequestCount} besides the accepted ones. Ignored when nothing failed.
     * @return the failure to put on the exchange, or null when every request was accepted or skipped
     */
    Throwable delivered(Message message, DeliveryOutcome outcome, RejectedRecords rejects, int failedRequests) {
        rejects(message, rejects);
        if (configuration.getIdempotentRepository() != null) {
            message.setHeader(BrazeTriggerConstants.SKIPPED_REQUESTS, outcome.skippedRequests());
        }
        if (outcome.failure() != null) {
            // what Braze did accept travels with the failure, so a dead-letter route or a replay knows it
            message.setHeader(BrazeTriggerConstants.RECIPIENT_COUNT, outcome.acceptedRecipients());
            message.setHeader(BrazeTriggerConstants.REQUEST_COUNT, outcome.accepted().requestCount() + failedRequests);
            dispatchIds(message, outcome.accepted().dispatchIds(), false);
            message.setHeader(BrazeTriggerConstants.UNSENT_RECIPIENTS,
                    outcome.unsentRecords(rejects == null ? 0 : rejects.count()));
            return explain(message, actionResults.failed(message, outcome.accepted(), outcome.failure()));
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
        dispatchIds(message, dispatchIds, true);
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

    /**
     * The dispatch id headers, for the actions that dispatch messages (a send, a schedule create). A schedule update or
     * cancel and a send-id creation dispatch nothing: Braze answers no dispatch_id, and the headers are removed rather
     * than set to a list of nulls.
     */
    private void dispatchIds(Message message, List<String> dispatchIds, boolean withLast) {
        BrazeAction action = configuration.getAction();
        if (action != BrazeAction.send && action != BrazeAction.schedule) {
            message.removeHeader(BrazeTriggerConstants.DISPATCH_IDS);
            message.removeHeader(BrazeTriggerConstants.DISPATCH_ID);
            return;
        }
        message.setHeader(BrazeTriggerConstants.DISPATCH_IDS, dispatchIds);
        if (withLast && !dispatchIds.isEmpty() && dispatchIds.get(dispatchIds.size() - 1) != null) {
            message.setHeader(BrazeTriggerConstants.DISPATCH_ID, dispatchIds.get(dispatchIds.size() - 1));
        } else if (withLast) {
            message.removeHeader(BrazeTriggerConstants.DISPATCH_ID);
        }
    }

    /**
     * Adds to a Braze failure what the component knows and Braze does not say, for the failures whose usual cause it
     * points to: a 401 names the instance and host that refused the key (a key works on its own instance only), a 403
     * the path the key lacks the permission for, a 400 the id sent (e.g. with "Canvas does not exist"). Other failures
     * are returned as they are. Never adds the key.
     */
    Throwable explain(Message message, Throwable failure) {
        if (!(failure instanceof BrazeApiException api)) {
            return failure;
        }
        return switch (api.getStatusCode()) {
            case 401 -> api.explained("The key was refused by " + refusingHost()
                                      + "; a key works only on the Braze instance of its workspace: check the instance option"
                                      + " and that the key is the workspace's REST API key");
            case 403 -> api.explained("The key has no permission for POST " + configuration.requestPath()
                                      + ": give the REST API key that permission in Braze's dashboard");
            case 400 -> {
                String id = targetIdSent(message);
                yield id == null ? api : api.explained(configuration.getOperation().idField() + " sent: " + id);
            }
            default -> api;
        };
    }

    private String refusingHost() {
        String baseUri = configuration.getBaseUri();
        if (baseUri != null) {
            return baseUri + " (option baseUri; the instance option, " + configuration.getInstance() + ", is not used then)";
        }
        BrazeInstance instance = BrazeInstance.fromCode(configuration.getInstance());
        return "instance " + instance.code() + " (" + instance.restUrl() + ")";
    }

    /** The target id the request carried: as the mapping resolved it (header, body or option). */
    private String targetIdSent(Message message) {
        String resolved = message.getExchange().getProperty(BrazeTriggerConstants.PROPERTY_TARGET_ID, String.class);
        return resolved != null ? resolved : configuration.targetId();
    }
}
