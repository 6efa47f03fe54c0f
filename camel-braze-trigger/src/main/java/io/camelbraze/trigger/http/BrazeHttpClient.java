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
package io.camelbraze.trigger.http;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one JSON request to Braze without blocking the caller. Kept behind an interface so the producer's delivery logic
 * does not depend on the HTTP library.
 */
public interface BrazeHttpClient extends AutoCloseable {

    /**
     * POSTs {@code jsonBody} to {@code path} (e.g. {@code /canvas/trigger/send}) under the client's base URI.
     *
     * @return a future completed with Braze's response, whatever its status, or completed exceptionally with a
     *         {@link io.camelbraze.trigger.BrazeTransportException} when no response was received
     */
    CompletableFuture<BrazeResponse> post(String path, byte[] jsonBody);

    @Override
    void close();
}
