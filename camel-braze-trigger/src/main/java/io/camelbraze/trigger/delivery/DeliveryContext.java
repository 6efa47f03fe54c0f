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

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

import io.camelbraze.trigger.http.BrazeHttpClient;

/**
 * Everything a delivery needs that lives as long as the endpoint's producer.
 *
 * @param client      the HTTP transport (shared by the endpoints of one workspace)
 * @param path        the trigger path, e.g. {@code /canvas/trigger/send}
 * @param interpreter turns responses into results or exceptions
 * @param policy      retry and wait limits
 * @param scheduler   runs delayed sends (backoff, rate-limit waits) without parking a thread per request
 * @param eventLoops  runs the deliveries' event loops, off the HTTP client's I/O threads; never route code
 * @param pending     the component's bound on requests waiting or in flight
 * @param active      this producer's unfinished deliveries, completed with an exception when it stops
 * @param listener    statistics and metrics
 * @param clock       epoch milliseconds (time is injected: the simulation tests run deliveries on a virtual clock)
 * @param roundTrips  how long Braze takes to answer this producer's requests
 */
public record DeliveryContext(
        BrazeHttpClient client,
        String path,
        ResponseInterpreter interpreter,
        DeliveryPolicy policy,
        ScheduledExecutorService scheduler,
        Executor eventLoops,
        PendingRequests pending,
        ActiveDeliveries active,
        DeliveryListener listener,
        LongSupplier clock,
        RoundTrips roundTrips) {
}
