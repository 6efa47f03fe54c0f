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
 * The requests of one delivery, produced one at a time so that a long input is never serialised whole. Called by one
 * thread at a time.
 */
public interface ChunkSource extends AutoCloseable {

    /**
     * The next request, or {@code null} when there are no more.
     *
     * @throws io.camelbraze.trigger.BrazeValidationException for an invalid record when invalid records fail the exchange
     */
    PreparedChunk next();

    /**
     * How many records the input holds as far as known (0 for a send without recipients): after a failure, what was not
     * sent is this minus what was accepted, rejected or skipped. A body in memory is counted whole; a streamed input is
     * not read further, so only its records read so far count.
     */
    int countRecords();

    /**
     * Whether the next {@link #next()} is known to return {@code null} without reading anything (a body in memory whose
     * records were all taken); {@code false} when unknown.
     */
    default boolean drained() {
        return false;
    }

    @Override
    void close();
}
