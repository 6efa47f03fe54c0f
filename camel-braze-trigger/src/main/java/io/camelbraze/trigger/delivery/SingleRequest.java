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

import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.mapping.BrazeJson;

/** A delivery of exactly one request without recipients: a schedule update or cancellation, a send-id creation. */
public final class SingleRequest implements ChunkSource {

    private final Object body;
    private boolean read;

    /** @param body the request, written as JSON by {@link BrazeJson} */
    public SingleRequest(Object body) {
        this.body = body;
    }

    @Override
    public PreparedChunk next() {
        if (read) {
            return null;
        }
        read = true;
        try {
            return new PreparedChunk(0, BrazeJson.writeBytes(body), 0);
        } catch (IllegalArgumentException e) {
            throw new BrazeValidationException("body", "cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean drained() {
        return read;
    }

    @Override
    public int countRecords() {
        return 0;
    }

    @Override
    public void close() {
        // nothing held
    }
}
