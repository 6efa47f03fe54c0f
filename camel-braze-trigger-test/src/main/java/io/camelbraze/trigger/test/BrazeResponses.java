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

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the fake's HTTP answers in Braze's shape: JSON {@code message} bodies and the rate-limit headers. */
final class BrazeResponses {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";

    private static final String BAD_GATEWAY_HTML = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";

    private final boolean lowercase;

    BrazeResponses(boolean lowercase) {
        this.lowercase = lowercase;
    }

    /** {@code {"message": message}} with the rate-limit headers of {@code state}. */
    ResponseDefinition message(int status, String message, RateLimitState state) {
        return json(status, JsonNodeFactory.instance.objectNode().put("message", message), state);
    }

    /** A JSON body with the rate-limit headers of {@code state}. */
    ResponseDefinition json(int status, ObjectNode body, RateLimitState state) {
        return build(status, "application/json", body.toString(), rateLimitHeaders(
                String.valueOf(state.limit()), String.valueOf(state.remaining()), String.valueOf(state.resetEpochSeconds())));
    }

    /** 401 echoing the key, as Braze was recorded doing, with present-but-empty rate-limit headers. */
    ResponseDefinition unauthorized(String key) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("message", "Invalid API key: " + key);
        return build(401, "application/json", body.toString(), rateLimitHeaders("", "", ""));
    }

    /** A load balancer's HTML 502, without Braze's headers. */
    ResponseDefinition badGatewayHtml() {
        return build(502, "text/html", BAD_GATEWAY_HTML, List.of());
    }

    /** A response that is a connection fault instead of an answer. */
    ResponseDefinition fault(Fault fault) {
        return ResponseDefinitionBuilder.responseDefinition().withFault(fault).build();
    }

    /** The same answer, written after {@code delayMillis}. */
    static ResponseDefinition delayed(ResponseDefinition response, long delayMillis) {
        return ResponseDefinitionBuilder.like(response).withFixedDelay((int) Math.min(Integer.MAX_VALUE, delayMillis)).build();
    }

    private List<HttpHeader> rateLimitHeaders(String limit, String remaining, String reset) {
        List<HttpHeader> headers = new ArrayList<>();
        headers.add(new HttpHeader(name(LIMIT), limit));
        headers.add(new HttpHeader(name(REMAINING), remaining));
        headers.add(new HttpHeader(name(RESET), reset));
        return headers;
    }

    private ResponseDefinition build(int status, String contentType, String body, List<HttpHeader> extra) {
        List<HttpHeader> headers = new ArrayList<>(extra);
        headers.add(new HttpHeader(name("Content-Type"), contentType));
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status).withHeaders(new HttpHeaders(headers))
                .withBody(body).build();
    }

    private String name(String header) {
        return lowercase ? header.toLowerCase(Locale.ROOT) : header;
    }
}
