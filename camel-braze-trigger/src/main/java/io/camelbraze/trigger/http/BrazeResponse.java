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
