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

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import io.camelbraze.trigger.test.FaultScript;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded resources (issue "Delivery correctness", items 12 and 13): a hundred endpoints of one workspace and 5,000
 * exchanges queued for them against a slow Braze. Requests waiting or in flight never exceed maxPendingRequests (the
 * route's consumers wait instead), the endpoints share one HTTP client, and the threads stay few.
 */
class LoadBoundsTest extends CamelTestSupport {

    private static final int EXCHANGES = 5000;
    private static final int ENDPOINTS = 100;
    private static final int MAX_PENDING = 200;

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder());

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        BrazeTriggerComponent component = new BrazeTriggerComponent();
        component.setMaxPendingRequests(MAX_PENDING);
        context.addComponent("braze-trigger", component);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:load?concurrentConsumers=50&size=" + EXCHANGES).routeId("load")
                        .toD("braze-trigger:canvas?canvasId=cv-${header.n}");
            }
        };
    }

    @Test
    void pendingRequestsThreadsAndClientsStayBounded() throws Exception {
        braze.script().delay(FaultScript.UNLIMITED, Duration.ofMillis(10));
        BrazeTriggerComponent component = context.getComponent("braze-trigger", BrazeTriggerComponent.class);
        int threadsBefore = Thread.activeCount();
        AtomicInteger peakPending = new AtomicInteger();
        AtomicInteger peakThreads = new AtomicInteger();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peakPending.accumulateAndGet(component.pendingRequests().inUse(), Math::max);
                peakThreads.accumulateAndGet(Thread.activeCount(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();

        NotifyBuilder done = new NotifyBuilder(context).fromRoute("load").whenDone(EXCHANGES).create();
        for (int i = 0; i < EXCHANGES; i++) {
            template.sendBodyAndHeader("seda:load", Map.of("external_user_id", "l" + i), "n", i % ENDPOINTS);
        }
        boolean finished = done.matches(120, TimeUnit.SECONDS);
        sampling.set(false);
        sampler.join();

        System.out.printf("Load: %d exchanges over %d endpoints, peak pending requests %d (bound %d), threads %d before,"
                          + " %d at peak, HTTP clients %d%n", EXCHANGES, ENDPOINTS, peakPending.get(), MAX_PENDING, threadsBefore,
                peakThreads.get(), component.getClients().openClients());
        assertThat(finished).as("every exchange completed").isTrue();
        assertThat(braze.requests()).hasSize(EXCHANGES);
        assertThat(peakPending.get()).isLessThanOrEqualTo(MAX_PENDING);
        assertThat(component.getClients().openClients()).isEqualTo(1);
        // 50 consumers, 8 completion threads, a scheduler, HttpClient's I/O threads and evictor, WireMock's own threads
        assertThat(peakThreads.get() - threadsBefore).as("threads added").isLessThan(80);
    }
}
