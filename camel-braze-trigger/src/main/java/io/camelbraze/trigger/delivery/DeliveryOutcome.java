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
package io.camelbraze.trigger.delivery;

/**
 * How a delivery ended: what Braze accepted (this time or in an earlier delivery of the same exchange), what was skipped
 * as already accepted according to the idempotent repository, and the failure that stopped it, if any.
 *
 * @param accepted           what Braze said of the accepted requests, in input order
 * @param acceptedRecipients recipients in them
 * @param skippedRequests    requests not sent because the idempotent repository knew them
 * @param skippedRecipients  recipients in them
 * @param records            records in the whole input (0 for a send without recipients)
 * @param failedRequests     requests that reached the wire at least once and ended without Braze accepting them
 * @param ambiguousRecipients recipients in requests that may have reached Braze though no answer said so (a timeout, a
 *                           connection dropped after the request was written, a 504): neither accepted nor unsent
 * @param failure            why the delivery stopped (a BrazeTriggerException, or whatever unexpected was thrown);
 *                           {@code null} when every request was accepted or skipped
 */
public record DeliveryOutcome(AcceptedResults accepted, int acceptedRecipients, int skippedRequests,
                              int skippedRecipients, int records, int failedRequests, int ambiguousRecipients,
                              Throwable failure) {

    /**
     * Records surely not sent: neither accepted, skipped nor ambiguous (rejected records are counted by the caller, who
     * knows them).
     */
    public int unsentRecords(int rejected) {
        return Math.max(0, records - acceptedRecipients - skippedRecipients - ambiguousRecipients - rejected);
    }
}
