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

/**
 * No HTTP response was received: the connection failed, timed out or was dropped. {@link #isPossiblyDelivered()} tells
 * whether the request may have reached Braze (it was written before the failure); Braze has no idempotency key, so such a
 * send is retried only when the endpoint option {@code retryAmbiguousFailures} allows it.
 */
public class BrazeTransportException extends BrazeTriggerException {

    private static final long serialVersionUID = 1L;

    private final boolean possiblyDelivered;

    public BrazeTransportException(String message, Throwable cause, boolean possiblyDelivered) {
        super(message + (possiblyDelivered
                ? " (the request may have been delivered to Braze: sending it again can message customers twice)"
                : " (the request never reached Braze: safe to retry)"), cause);
        this.possiblyDelivered = possiblyDelivered;
    }

    /** True when the request was (or may have been) written before the failure, so Braze may have accepted it. */
    public boolean isPossiblyDelivered() {
        return possiblyDelivered;
    }

    @Override
    public boolean isRetrySafe() {
        return !possiblyDelivered;
    }
}
