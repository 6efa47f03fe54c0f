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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The WireMock plumbing: answers every request the way Braze would, in Braze's order (scripted faults, endpoint,
 * authentication, JSON, rate limit, {@link BrazeRequestRules}, what the fake remembers ({@link ScheduleBook}: known
 * schedule ids, the daily send-id limit), success), and records it in the journal.
 */
final class BrazeResponder implements ResponseDefinitionTransformerV2 {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final BrazeRequestRules rules;
    private final RateLimiter rateLimiter;
    private final FaultScript script;
    private final RequestJournal journal;
    private final ScheduleBook book;
    private final BrazeResponses responses;

    BrazeResponder(Settings settings, RateLimiter rateLimiter, FaultScript script, RequestJournal journal, ScheduleBook book) {
        this.settings = settings;
        this.rules = settings.rules();
        this.rateLimiter = rateLimiter;
        this.script = script;
        this.journal = journal;
        this.book = book;
        this.responses = new BrazeResponses(settings.lowercaseHeaders());
    }

    @Override
    public String getName() {
        return "fake-braze";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        LoggedRequest http = serveEvent.getRequest();
        Exchange exchange = new Exchange(http, journal.nextSequence(), settings.clock().instant());
        ResponseDefinition answer = answer(exchange);
        RecordedRequest recorded = exchange.record();
        journal.add(recorded);
        if (exchange.createdSchedule) {
            book.attach(exchange.scheduleId, recorded);
        }
        Optional<ScriptedFault> delay = exchange.endpoint == null ? Optional.empty()
                : script.next(ScriptedFault.Phase.DELAY, exchange.endpoint);
        return delay.map(d -> BrazeResponses.delayed(answer, d.delay().toMillis())).orElse(answer);
    }

    private ResponseDefinition answer(Exchange exchange) {
        long now = settings.clock().millis();
        if (exchange.endpoint == null || !"POST".equals(exchange.method)) {
            return exchange.reject(404, "Not Found", responses.message(404, "Not Found", rateLimiter.peekTargeted(now)));
        }
        Optional<ScriptedFault> replacement = script.next(ScriptedFault.Phase.REPLACE, exchange.endpoint);
        if (replacement.isPresent()) {
            return scripted(exchange, replacement.get(), now);
        }
        Set<String> permissions = exchange.apiKey == null ? null : settings.apiKeys().get(exchange.apiKey);
        if (permissions == null) {
            String key = exchange.apiKey == null ? "" : exchange.apiKey;
            return exchange.reject(401, "Invalid API key: <redacted>", responses.unauthorized(key));
        }
        if (!permissions.contains(exchange.endpoint.permission())) {
            String message = "You do not have permission to access this resource";
            return exchange.reject(403, message, responses.message(403, message, rateLimiter.peekTargeted(now)));
        }
        if (exchange.json == null) {
            String message = "Bad syntax: the request body is not valid JSON";
            return exchange.reject(400, message, responses.message(400, message, rateLimiter.takeTargeted(now)));
        }
        RateLimitState state = rateLimiter.take(exchange.endpoint, exchange.json, now);
        if (!state.allowed()) {
            String message = "API rate limit exceeded";
            return exchange.reject(429, message, responses.message(429, message, state));
        }
        Optional<String> violation = rules.violation(exchange.endpoint, exchange.json);
        if (violation.isEmpty() && !exchange.endpoint.takesRecipients() && exchange.endpoint.kind() != BrazeEndpoint.Kind.SEND_ID_CREATE) {
            violation = book.refusal(exchange.endpoint, exchange.json);
        }
        if (violation.isPresent()) {
            return exchange.reject(400, violation.get(), responses.message(400, violation.get(), state));
        }
        if (exchange.endpoint.kind() == BrazeEndpoint.Kind.SEND_ID_CREATE) {
            Optional<String> sendId = book.createSendId(exchange.json.get("campaign_id").asText(),
                    exchange.json.path("send_id").asText(null));
            if (sendId.isEmpty()) {
                String message = "The daily limit of " + settings.sendIdsPerDay() + " send ids for this workspace was reached";
                return exchange.reject(429, message, responses.message(429, message,
                        new RateLimitState(false, state.limit(), state.remaining(), state.resetEpochSeconds())));
            }
            exchange.sendId = sendId.get();
        }
        return success(exchange, state);
    }

    private ResponseDefinition scripted(Exchange exchange, ScriptedFault fault, long now) {
        switch (fault.kind()) {
            case RATE_LIMITED -> {
                RateLimitState state = rateLimiter.peekTargeted(now);
                long reset = Math.floorDiv(now + 999, 1000) + fault.resetInSeconds();
                String message = "API rate limit exceeded";
                return exchange.reject(429, message, responses.message(429, message,
                        new RateLimitState(false, state.limit(), 0, reset)));
            }
            case SERVER_ERROR -> {
                String message = switch (fault.status()) {
                    case 502 -> "Bad Gateway";
                    case 503 -> "Service Unavailable";
                    case 504 -> "Gateway Timeout";
                    default -> "Internal Server Error";
                };
                return exchange.reject(fault.status(), message,
                        responses.message(fault.status(), message, rateLimiter.peekTargeted(now)));
            }
            case FATAL_ERRORS -> {
                ObjectNode body = JSON.createObjectNode().put("message", fault.message());
                fault.errors().forEach(body.putArray("errors")::add);
                return exchange.reject(fault.status(), fault.message(), responses.json(fault.status(), body, rateLimiter.peekTargeted(now)));
            }
            case HTML_BAD_GATEWAY -> {
                return exchange.reject(502, "502 Bad Gateway (HTML)", responses.badGatewayHtml());
            }
            case CONNECTION_RESET -> {
                return exchange.reject(0, "connection reset (scripted)", responses.fault(Fault.CONNECTION_RESET_BY_PEER));
            }
            default -> {
                return exchange.reject(0, "empty response (scripted)", responses.fault(Fault.EMPTY_RESPONSE));
            }
        }
    }

    private ResponseDefinition success(Exchange exchange, RateLimitState state) {
        int status = 201;
        ObjectNode body = JSON.createObjectNode();
        String dispatchId = null;
        BrazeEndpoint.Kind kind = exchange.endpoint.kind();
        boolean dispatches = kind == BrazeEndpoint.Kind.SEND || kind == BrazeEndpoint.Kind.SCHEDULE_CREATE;
        if (dispatches && (exchange.endpoint.isCanvas() || settings.campaignDispatchId())) {
            dispatchId = UUID.randomUUID().toString().replace("-", "");
            body.put("dispatch_id", dispatchId);
        }
        switch (kind) {
            case SCHEDULE_CREATE -> {
                exchange.scheduleId = book.create(exchange.json.get("schedule"));
                exchange.createdSchedule = true;
                body.put("schedule_id", exchange.scheduleId);
            }
            case SCHEDULE_UPDATE -> book.update(exchange.json);
            case SCHEDULE_DELETE -> book.cancel(exchange.json);
            default -> {
                // a trigger send has only its dispatch id; a send id follows the message, as Braze documents it
            }
        }
        body.put("message", "success");
        if (exchange.endpoint == BrazeEndpoint.CAMPAIGN && exchange.json.path("broadcast").asBoolean(false)) {
            // Braze tracks a broadcast campaign send under a send id: the request's, or one it makes up
            exchange.sendId = exchange.json.path("send_id").isTextual() ? exchange.json.get("send_id").asText()
                    : "broadcast-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        }
        if (exchange.sendId != null) {
            body.put("send_id", exchange.sendId);
        }
        String notice = exchange.endpoint == BrazeEndpoint.CANVAS ? settings.noticeFor(exchange.json.get("canvas_id").asText()) : null;
        Optional<ScriptedFault> decoration = script.next(ScriptedFault.Phase.ON_SUCCESS, exchange.endpoint);
        if (decoration.isPresent() && decoration.get().kind() == ScriptedFault.Kind.ACCEPTED_THEN_DROPPED) {
            // Braze accepted the send (it is recorded so), but its answer never reaches the client
            exchange.accept(status, "success (connection dropped before the answer, scripted)", dispatchId, notice);
            return responses.fault(Fault.CONNECTION_RESET_BY_PEER);
        }
        if (decoration.isPresent()) {
            ScriptedFault fault = decoration.get();
            switch (fault.kind()) {
                case PAUSED_CANVAS -> notice = Settings.PAUSED_NOTICE;
                case ARCHIVED_CANVAS -> notice = Settings.ARCHIVED_NOTICE;
                case NON_FATAL_ERRORS -> fault.errors().forEach(body.putArray("errors")::add);
                default -> {
                    status = 202;
                    body = JSON.createObjectNode().put("message", "queued");
                    dispatchId = null;
                    exchange.sendId = null;
                }
            }
        }
        if (notice != null && status == 201) {
            body.put("notice", notice);
        }
        exchange.accept(status, body.get("message").asText(), dispatchId, notice);
        return responses.json(status, body, state);
    }

    /** One request in flight: what was parsed from it and what the fake decided. */
    private static final class Exchange {
        final int sequence;
        final Instant receivedAt;
        final LoggedRequest http;
        final String method;
        final BrazeEndpoint endpoint;
        final String apiKey;
        final String rawBody;
        final JsonNode json;
        int status;
        String message;
        String dispatchId;
        String notice;
        String scheduleId;
        boolean createdSchedule;
        String sendId;

        Exchange(LoggedRequest http, int sequence, Instant receivedAt) {
            this.sequence = sequence;
            this.receivedAt = receivedAt;
            this.http = http;
            this.method = http.getMethod().getName();
            this.endpoint = BrazeEndpoint.fromPath(http.getUrl()).orElse(null);
            this.apiKey = bearer(http.getHeader("Authorization"));
            this.rawBody = http.getBody() == null ? "" : new String(http.getBody(), StandardCharsets.UTF_8);
            this.json = parse(rawBody);
            if (json != null && json.path("schedule_id").isTextual()) {
                this.scheduleId = json.get("schedule_id").asText();
            }
        }

        ResponseDefinition reject(int status, String message, ResponseDefinition response) {
            this.status = status;
            this.message = message;
            return response;
        }

        void accept(int status, String message, String dispatchId, String notice) {
            this.status = status;
            this.message = message;
            this.dispatchId = dispatchId;
            this.notice = notice;
        }

        RecordedRequest record() {
            return new RecordedRequest(sequence, receivedAt, method, http.getUrl(), endpoint, headers(),
                    apiKey, rawBody, json, status, message, dispatchId, notice, scheduleId, sendId);
        }

        private Map<String, List<String>> headers() {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (HttpHeader header : http.getHeaders().all()) {
                boolean secret = header.key().equalsIgnoreCase("Authorization");
                headers.put(header.key(), secret ? List.of("<redacted>") : List.copyOf(header.values()));
            }
            return headers;
        }

        private static String bearer(String authorization) {
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                return null;
            }
            return authorization.substring("Bearer ".length());
        }

        private static JsonNode parse(String body) {
            try {
                return body.isBlank() ? null : JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return null;
            }
        }
    }
}
