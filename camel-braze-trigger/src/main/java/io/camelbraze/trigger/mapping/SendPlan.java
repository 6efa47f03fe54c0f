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

import io.camelbraze.trigger.model.TriggerRequest;

/**
 * What one exchange asks Braze to do: the request's shared fields (target, send id, context, audience, broadcast,
 * attachments), already validated, and its recipients: a streamed input read and validated as its requests are sent, a
 * body in memory read and validated whole before anything is sent.
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
