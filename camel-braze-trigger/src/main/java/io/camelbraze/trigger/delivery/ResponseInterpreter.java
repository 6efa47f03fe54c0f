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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.camelbraze.trigger.BrazeApiException;
import io.camelbraze.trigger.BrazeRateLimitException;
import io.camelbraze.trigger.http.BrazeResponse;
import io.camelbraze.trigger.ratelimit.RateLimitHeaders;

/**
 * Turns Braze's responses into an {@link AcceptedRequest} or a typed exception. Braze's message is informational only
 * (decisions are made on the status) and is scrubbed of API keys: a real 401 was recorded echoing the key it was given.
 */
public final class ResponseInterpreter {

    private static final int MAX_MESSAGE_LENGTH = 300;
    private static final Pattern KEY_ECHO = Pattern.compile("(?i)(api[ _-]?key\\s*[:=]?\\s*)\\S+");
    private static final Pattern HTML_TAGS = Pattern.compile("<[^>]*>");

    private final ObjectMapper mapper;
    private final String apiKey;

    public ResponseInterpreter(ObjectMapper mapper, String apiKey) {
        this.mapper = mapper;
        this.apiKey = apiKey;
    }

    public AcceptedRequest accepted(BrazeResponse response) {
        JsonNode json = parse(response.body());
        List<String> errors = new ArrayList<>();
        JsonNode errorsNode = json.path("errors");
        if (errorsNode.isArray()) {
            errorsNode.forEach(e -> errors.add(scrub(e.isTextual() ? e.asText() : e.toString())));
        }
        return new AcceptedRequest(text(json, "dispatch_id"), text(json, "notice"), List.copyOf(errors), text(json, "schedule_id"),
                text(json, "send_id"));
    }

    /**
     * The exception for a non-2xx response; 429 and 5xx are safe to retry, except 504: a gateway that timed out says
     * nothing of whether Braze processed the request. Other statuses are not safe to retry.
     */
    public BrazeApiException failure(BrazeResponse response, long nowMillis) {
        String message = brazeMessage(response.body());
        int status = response.statusCode();
        if (status == 429) {
            long reset = Math.max(RateLimitHeaders.resetEpochMillis(response.headers(), nowMillis).orElse(0),
                                  RateLimitHeaders.retryAfterEpochMillis(response.headers(), nowMillis).orElse(0));
            return new BrazeRateLimitException(message, response.headers(), reset > 0 ? Instant.ofEpochMilli(reset) : null);
        }
        return new BrazeApiException(status, message, brazeErrors(response.body()), response.headers(),
                status >= 500 && status != 504);
    }

    /** The errors[] entries of a fatal answer, scrubbed and each cut short; empty when there are none. */
    private List<String> brazeErrors(String body) {
        JsonNode errorsNode = parse(body).path("errors");
        List<String> errors = new ArrayList<>();
        if (errorsNode.isArray()) {
            errorsNode.forEach(e -> errors.add(truncate(scrub(e.isTextual() ? e.asText() : e.toString()))));
        }
        return List.copyOf(errors);
    }

    private String brazeMessage(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode json = parse(body);
        String message = text(json, "message");
        if (message == null && json.isMissingNode()) {
            // not JSON (e.g. a load balancer's HTML page): keep a short, tag-free excerpt
            message = HTML_TAGS.matcher(body).replaceAll(" ").replaceAll("\\s+", " ").trim();
        }
        return message == null ? null : truncate(scrub(message));
    }

    String scrub(String text) {
        String result = text;
        if (apiKey != null && !apiKey.isEmpty()) {
            result = result.replace(apiKey, "****");
        }
        return KEY_ECHO.matcher(result).replaceAll("$1****");
    }

    private static String truncate(String text) {
        return text.length() <= MAX_MESSAGE_LENGTH ? text : text.substring(0, MAX_MESSAGE_LENGTH) + "…";
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (Exception e) {
            return MissingNode.getInstance();
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
