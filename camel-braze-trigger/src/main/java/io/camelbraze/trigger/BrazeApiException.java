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

import java.util.Map;
import java.util.TreeMap;

/**
 * Braze answered with a non-2xx status. Braze documents that no message was sent for any of these statuses; whether sending
 * again is safe depends on the status (429 and 5xx yes, other 4xx no: the request itself must change).
 */
public class BrazeApiException extends BrazeTriggerException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String brazeMessage;
    private final Map<String, String> responseHeaders;
    private final boolean retrySafe;

    public BrazeApiException(int statusCode, String brazeMessage, Map<String, String> responseHeaders, boolean retrySafe) {
        this("Braze answered HTTP " + statusCode + (brazeMessage == null || brazeMessage.isBlank() ? "" : ": " + brazeMessage),
             statusCode, brazeMessage, responseHeaders, retrySafe);
    }

    protected BrazeApiException(String message, int statusCode, String brazeMessage, Map<String, String> responseHeaders,
                                boolean retrySafe) {
        super(message);
        this.statusCode = statusCode;
        this.brazeMessage = brazeMessage;
        TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (responseHeaders != null) {
            headers.putAll(responseHeaders);
        }
        this.responseHeaders = java.util.Collections.unmodifiableMap(headers);
        this.retrySafe = retrySafe;
    }

    /** The HTTP status Braze returned. */
    public int getStatusCode() {
        return statusCode;
    }

    /**
     * Braze's {@code message} (API keys scrubbed), or a short excerpt of a non-JSON body; null when there was none. Informational
     * only: branch on {@link #getStatusCode()}, never on this text.
     */
    public String getBrazeMessage() {
        return brazeMessage;
    }

    /** Response headers, looked up case-insensitively. */
    public Map<String, String> getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public boolean isRetrySafe() {
        return retrySafe;
    }
}
