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

import java.util.Arrays;
import java.util.Base64;

import org.apache.camel.spi.IdempotentRepository;

/**
 * Remembers accepted requests across restarts and nodes in a Camel {@link IdempotentRepository}: a request's key is the
 * input's key (the endpoint's {@code idempotentKey} evaluated on the exchange) plus a hash of the request's position and
 * exact JSON. A key is added only after Braze accepted the request, so a request whose answer never came is sent again.
 */
public final class IdempotentChunks {

    private final IdempotentRepository repository;
    private final String inputKey;

    public IdempotentChunks(IdempotentRepository repository, String inputKey) {
        this.repository = repository;
        this.inputKey = inputKey;
    }

    public boolean alreadyAccepted(PreparedChunk chunk) {
        return repository.contains(keyOf(chunk));
    }

    public void accepted(PreparedChunk chunk) {
        String key = keyOf(chunk);
        repository.add(key);
        repository.confirm(key);
    }

    /** The input key, '#', then 22 characters of hash: fits the 100 characters of camel-sql's default table for inputs keyed under 77. */
    String keyOf(PreparedChunk chunk) {
        byte[] hash = chunk.fingerprint();
        return inputKey + '#' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
    }
}
