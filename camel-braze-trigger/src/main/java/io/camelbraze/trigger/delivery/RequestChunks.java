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

import java.util.ArrayList;
import java.util.List;

import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.mapping.BrazeJson;
import io.camelbraze.trigger.mapping.RecipientSource;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;

/**
 * Cuts a send into Braze requests of at most 50 recipients, reading and serialising one request at a time. A send without
 * recipients (a broadcast or audience send) is one request.
 */
public final class RequestChunks implements ChunkSource {

    private final TriggerRequest template;
    private final RecipientSource recipients;
    private final int maxRecipients;
    private int nextIndex;

    /**
     * @param template      the request's shared fields
     * @param recipients    its recipients, or {@code null} for a send without any
     * @param maxRecipients recipients per request (Braze allows 50)
     */
    public RequestChunks(TriggerRequest template, RecipientSource recipients, int maxRecipients) {
        if (maxRecipients < 1) {
            throw new IllegalArgumentException("maxRecipients must be at least 1, was " + maxRecipients);
        }
        this.template = template;
        this.recipients = recipients;
        this.maxRecipients = maxRecipients;
    }

    @Override
    public PreparedChunk next() {
        if (recipients == null) {
            return nextIndex++ == 0 ? prepare(0, template) : null;
        }
        List<Recipient> batch = new ArrayList<>(maxRecipients);
        for (Recipient recipient; batch.size() < maxRecipients && (recipient = recipients.next()) != null; ) {
            batch.add(recipient);
        }
        if (batch.isEmpty()) {
            if (nextIndex == 0 && recipients.recordsRead() == 0) {
                throw new EmptyInput();
            }
            return null;
        }
        return prepare(nextIndex++, template.withRecipients(batch));
    }

    private static PreparedChunk prepare(int index, TriggerRequest request) {
        try {
            return new PreparedChunk(index, BrazeJson.writeBytes(request), request.recipientCount());
        } catch (IllegalArgumentException e) {
            throw new BrazeValidationException("body", "cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** The input held no record at all (told apart so that a redelivery of a consumed stream can say so). */
    static final class EmptyInput extends BrazeValidationException {
        private static final long serialVersionUID = 1L;

        EmptyInput() {
            super("body", "the input holds no recipients; nothing to send");
        }
    }

    @Override
    public boolean drained() {
        return recipients == null ? nextIndex > 0 : recipients.drained();
    }

    @Override
    public int countRecords() {
        return recipients == null ? 0 : recipients.countRemaining() + recipients.recordsRead();
    }

    @Override
    public void close() {
        if (recipients != null) {
            recipients.close();
        }
    }
}
