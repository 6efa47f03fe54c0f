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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One exchange keeps up to maxConcurrentRequests requests in flight at Braze, never more, whatever the connection pool's
 * own default size. Braze here is a server that holds every answer 300 ms and counts the requests it holds at once.
 */
class MaxConcurrentRequestsTest extends CamelTestSupport {

    private final AtomicInteger holding = new AtomicInteger();
    private final AtomicInteger mostHeld = new AtomicInteger();
    private final HttpServer braze = startBraze();

    private HttpServer startBraze() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
            server.setExecutor(Executors.newFixedThreadPool(64));
            server.createContext("/canvas/trigger/send", this::answerSlowly);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answerSlowly(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        mostHeld.accumulateAndGet(holding.incrementAndGet(), Math::max);
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            holding.decrementAndGet();
        }
        byte[] body = "{\"dispatch_id\":\"c249b5eaad19a96b85ce3afc83017e81\",\"message\":\"success\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(201, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @AfterEach
    void stopBraze() {
        braze.stop(0);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String braze = "&apiKey=k&baseUri=http://127.0.0.1:" + this.braze.getAddress().getPort();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:four").to("braze-trigger:canvas?canvasId=cv-1&maxConcurrentRequests=4" + braze);
                // more than the pool's default 32 connections per host
                from("direct:forty").to("braze-trigger:canvas?canvasId=cv-1&maxConcurrentRequests=40" + braze);
            }
        };
    }

    private static List<Map<String, Object>> recipients(int count) {
        return IntStream.range(0, count).mapToObj(i -> Map.<String, Object>of("external_user_id", "u" + i)).toList();
    }

    @Test
    void keepsAtMostMaxConcurrentRequestsInFlight() {
        Exchange exchange = template.request("direct:four", e -> e.getMessage().setBody(recipients(500)));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(BrazeTriggerConstants.REQUEST_COUNT)).isEqualTo(10);
        assertThat(mostHeld.get()).as("requests Braze held at once").isEqualTo(4);
    }

    @Test
    void theConnectionPoolAllowsMoreThanItsDefault() {
        Exchange exchange = template.request("direct:forty", e -> e.getMessage().setBody(recipients(50 * 41)));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(BrazeTriggerConstants.REQUEST_COUNT)).isEqualTo(41);
        assertThat(mostHeld.get()).as("requests Braze held at once").isEqualTo(40);
    }
}
