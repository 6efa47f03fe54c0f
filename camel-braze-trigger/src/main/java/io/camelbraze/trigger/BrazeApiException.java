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

import java.util.Collections;
import java.util.List;
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
    private final List<String> brazeErrors;
    private final Map<String, String> responseHeaders;
    private final boolean retrySafe;

    public BrazeApiException(int statusCode, String brazeMessage, Map<String, String> responseHeaders, boolean retrySafe) {
        this(statusCode, brazeMessage, List.of(), responseHeaders, retrySafe);
    }

    /**
     * @param brazeErrors the {@code errors} entries of Braze's answer, scrubbed of API keys (empty when there were none)
     */
    public BrazeApiException(int statusCode, String brazeMessage, List<String> brazeErrors, Map<String, String> responseHeaders,
                             boolean retrySafe) {
        this(describe(statusCode, brazeMessage, brazeErrors), statusCode, brazeMessage, brazeErrors, responseHeaders, retrySafe);
    }

    protected BrazeApiException(String message, int statusCode, String brazeMessage, Map<String, String> responseHeaders,
                                boolean retrySafe) {
        this(message, statusCode, brazeMessage, List.of(), responseHeaders, retrySafe);
    }

    protected BrazeApiException(String message, int statusCode, String brazeMessage, List<String> brazeErrors,
                                Map<String, String> responseHeaders, boolean retrySafe) {
        super(message);
        this.statusCode = statusCode;
        this.brazeMessage = brazeMessage;
        this.brazeErrors = brazeErrors == null ? List.of() : List.copyOf(brazeErrors);
        TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (responseHeaders != null) {
            headers.putAll(responseHeaders);
        }
        this.responseHeaders = Collections.unmodifiableMap(headers);
        this.retrySafe = retrySafe;
    }

    private static String describe(int statusCode, String brazeMessage, List<String> brazeErrors) {
        return "Braze answered HTTP " + statusCode + (brazeMessage == null || brazeMessage.isBlank() ? "" : ": " + brazeMessage)
               + (brazeErrors == null || brazeErrors.isEmpty() ? "" : "; errors: " + String.join("; ", brazeErrors));
    }

    /**
     * This failure with {@code explanation} added to its message (what the component knows of the request that Braze
     * does not say: the host that refused the key, the id sent), or this same exception when there is nothing to add.
     * Everything else, the stack trace included, is kept. Subclasses are returned as they are.
     */
    public BrazeApiException explained(String explanation) {
        if (explanation == null || getClass() != BrazeApiException.class) {
            return this;
        }
        BrazeApiException explained = new BrazeApiException(getMessage() + ". " + explanation, statusCode, brazeMessage, brazeErrors,
                responseHeaders, retrySafe);
        explained.setStackTrace(getStackTrace());
        for (Throwable suppressed : getSuppressed()) {
            explained.addSuppressed(suppressed);
        }
        if (getCause() != null) {
            explained.initCause(getCause());
        }
        return explained;
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

    /**
     * The {@code errors} entries of Braze's answer (API keys scrubbed), in order; empty when it had none. Braze documents
     * a fatal answer as {@code {"message": …, "errors": […]}}. Informational, like {@link #getBrazeMessage()}.
     */
    public List<String> getBrazeErrors() {
        return brazeErrors;
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
