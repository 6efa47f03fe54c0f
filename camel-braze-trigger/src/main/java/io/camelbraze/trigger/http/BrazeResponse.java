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

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP response from Braze: status, headers (looked up case-insensitively: Braze sends them lowercase under HTTP/2)
 * and the raw body.
 */
public final class BrazeResponse {

    private final int statusCode;
    private final Map<String, String> headers;
    private final String body;

    public BrazeResponse(int statusCode, Map<String, String> headers, String body) {
        this.statusCode = statusCode;
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            copy.putAll(headers);
        }
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body;
    }

    public int statusCode() {
        return statusCode;
    }

    /** Case-insensitive view of the response headers. */
    public Map<String, String> headers() {
        return headers;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public String body() {
        return body;
    }

    public boolean isSuccess() {
        return statusCode >= 200 && statusCode < 300;
    }

    @Override
    public String toString() {
        // the body may carry recipient data or an echoed key: never printed
        return "BrazeResponse[status=" + statusCode + "]";
    }
}
