package io.camelbraze.trigger.mapping;

import io.camelbraze.trigger.model.TriggerRequest;

/**
 * What one exchange asks Braze to do: the request's shared fields (target, send id, context, audience, broadcast,
 * attachments), already validated, and its recipients, read and validated as they are sent.
 *
 * @param template   the request without recipients
 * @param recipients the recipients; {@code null} for a broadcast or audience send
 * @param rejects    where {@code invalidRecords=skip} sets records aside; {@code null} in fail mode
 */
public record SendPlan(TriggerRequest template, RecipientSource recipients, RejectedRecords rejects) {

    public boolean isStreamed() {
        return recipients != null && recipients.isStreamed();
    }
}
