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
package io.camelbraze.trigger.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the fake received, with the answer it gave. Headers are kept with the {@code Authorization} value
 * redacted; use {@link #usedApiKey(String)} to check the key.
 */
public final class RecordedRequest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int sequence;
    private final Instant receivedAt;
    private final String method;
    private final String path;
    private final BrazeEndpoint endpoint;
    private final Map<String, List<String>> headers;
    private final String apiKey;
    private final String rawBody;
    private final JsonNode json;
    private final int status;
    private final String message;
    private final String dispatchId;
    private final String notice;
    private final String scheduleId;
    private final String sendId;

    RecordedRequest(int sequence, Instant receivedAt, String method, String path, BrazeEndpoint endpoint,
                    Map<String, List<String>> headers, String apiKey, String rawBody, JsonNode json, int status,
                    String message, String dispatchId, String notice, String scheduleId, String sendId) {
        this.sequence = sequence;
        this.receivedAt = receivedAt;
        this.method = method;
        this.path = path;
        this.endpoint = endpoint;
        this.headers = Map.copyOf(headers);
        this.apiKey = apiKey;
        this.rawBody = rawBody;
        this.json = json;
        this.status = status;
        this.message = message;
        this.dispatchId = dispatchId;
        this.notice = notice;
        this.scheduleId = scheduleId;
        this.sendId = sendId;
    }

    /** 1 for the first request the fake received since it started or was reset, then 2, 3... */
    public int sequence() {
        return sequence;
    }

    /** When the request arrived, by the fake's clock. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The request path (and query, if any). */
    public String path() {
        return path;
    }

    /** The endpoint, or {@code null} when the path is not one the fake serves. */
    public BrazeEndpoint endpoint() {
        return endpoint;
    }

    /** {@code canvas_id} or {@code campaign_id} when it is a string, else {@code null}. */
    public String targetId() {
        if (endpoint == null || json == null || !json.path(endpoint.idField()).isTextual()) {
            return null;
        }
        return json.get(endpoint.idField()).asText();
    }

    /** Request headers by the name the client sent; the {@code Authorization} value is redacted. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header, matched case-insensitively, or {@code null}. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    /** True when the request carried {@code Authorization: Bearer <key>}. */
    public boolean usedApiKey(String key) {
        return key != null && key.equals(apiKey);
    }

    /** The body as received. */
    public String rawBody() {
        return rawBody;
    }

    /** The parsed JSON body, or {@code null} when it was not JSON. */
    public JsonNode json() {
        return json;
    }

    /** The parsed JSON object body as a map, or an empty map when it was not a JSON object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> body() {
        return json != null && json.isObject() ? JSON.convertValue(json, Map.class) : Map.of();
    }

    /** True when the body says {@code broadcast: true}. */
    public boolean broadcast() {
        return json != null && json.path("broadcast").asBoolean(false);
    }

    /** The {@code recipients} array elements (empty when there are none). */
    public List<JsonNode> recipients() {
        if (json == null || !json.path("recipients").isArray()) {
            return List.of();
        }
        List<JsonNode> recipients = new ArrayList<>();
        json.get("recipients").forEach(recipients::add);
        return List.copyOf(recipients);
    }

    /** The HTTP status the fake answered; 0 when it dropped the connection instead. */
    public int status() {
        return status;
    }

    /** True for a 2xx answer: Braze accepted the request. */
    public boolean accepted() {
        return status >= 200 && status < 300;
    }

    /** The {@code message} the fake answered (a 401's echoed key is redacted here). */
    public String message() {
        return message;
    }

    /** The {@code dispatch_id} answered, if any. */
    public Optional<String> dispatchId() {
        return Optional.ofNullable(dispatchId);
    }

    /**
     * The {@code schedule_id}: the one a schedule create answered, or the one an update or delete named (whether or not it
     * existed).
     */
    public Optional<String> scheduleId() {
        return Optional.ofNullable(scheduleId);
    }

    /** The {@code send_id} answered: by a send-id creation, or by a broadcast campaign send (the request's, or one made up); if any. */
    public Optional<String> sendId() {
        return Optional.ofNullable(sendId);
    }

    /** The paused/archived Canvas {@code notice} answered, if any. */
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    @Override
    public String toString() {
        return RequestDescriber.describe(this);
    }
}
