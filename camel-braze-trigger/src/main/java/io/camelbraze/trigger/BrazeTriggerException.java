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
 * Base of every exception the {@code braze-trigger} component raises, so one {@code onException} can catch them all.
 */
public class BrazeTriggerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BrazeTriggerException(String message) {
        super(message);
    }

    public BrazeTriggerException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether sending the same exchange again is safe: true only when Braze provably did not accept the request (a 429,
     * a 5xx Braze documents as retryable, a connection that was never made). Routes can use it in
     * {@code onException(BrazeTriggerException.class).onWhen(...)}.
     */
    public boolean isRetrySafe() {
        return false;
    }
}
