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
package io.camelbraze.trigger.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelbraze.trigger.delivery.AcceptedRequest;
import io.camelbraze.trigger.delivery.DeliveryListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Records an endpoint's deliveries as Micrometer meters. Every meter is tagged {@code operation} ({@code canvas} or
 * {@code campaign}) and {@code target} (the Canvas or campaign id, or {@code header} when the id comes with each message);
 * never with a key or recipient data.
 * <ul>
 *   <li>{@value #REQUESTS} (counter): requests written to Braze, retries included;</li>
 *   <li>{@value #RECIPIENTS} (counter): recipients of accepted requests;</li>
 *   <li>{@value #LATENCY} (timer): time from writing a request to Braze accepting it;</li>
 *   <li>{@value #RATE_LIMITED} (counter): 429 answers;</li>
 *   <li>{@value #RETRIES} (counter, tag {@code reason}): retries the component scheduled;</li>
 *   <li>{@value #PACING_WAIT} (timer): waits for a spent rate-limit window to reset, before sending;</li>
 *   <li>{@value #FAILURES} (counter, tag {@code kind}): failed exchanges by kind ({@code VALIDATION},
 *   {@code AUTHENTICATION}, {@code RATE_LIMIT}, {@code SERVER_ERROR}, {@code CONNECTION}, {@code AMBIGUOUS},
 *   {@code CLIENT_ERROR}).</li>
 * </ul>
 */
public final class MicrometerDeliveryListener implements DeliveryListener {

    /** Counter of requests written to Braze. */
    public static final String REQUESTS = "braze.trigger.requests";
    /** Counter of recipients in accepted requests. */
    public static final String RECIPIENTS = "braze.trigger.recipients";
    /** Timer of accepted requests. */
    public static final String LATENCY = "braze.trigger.latency";
    /** Counter of 429 answers. */
    public static final String RATE_LIMITED = "braze.trigger.rate.limited";
    /** Counter of retries, tagged {@code reason}. */
    public static final String RETRIES = "braze.trigger.retries";
    /** Timer of proactive rate-limit waits. */
    public static final String PACING_WAIT = "braze.trigger.pacing.wait";
    /** Counter of failures, tagged {@code kind}. */
    public static final String FAILURES = "braze.trigger.failures";

    private final Counter requests;
    private final Counter recipients;
    private final Timer latency;
    private final Counter rateLimited;
    private final Timer pacingWait;
    private final Map<FailureKind, Counter> retries = new EnumMap<>(FailureKind.class);
    private final Map<FailureKind, Counter> failures = new EnumMap<>(FailureKind.class);

    /**
     * Registers the meters in {@code registry}.
     *
     * @param operation {@code canvas} or {@code campaign}
     * @param target    the Canvas or campaign id; {@code header} when it comes with each message
     */
    public MicrometerDeliveryListener(MeterRegistry registry, String operation, String target) {
        Tags tags = Tags.of("operation", operation, "target", target);
        requests = Counter.builder(REQUESTS).description("Requests written to Braze, retries included").tags(tags)
                .register(registry);
        recipients = Counter.builder(RECIPIENTS).description("Recipients of requests Braze accepted").tags(tags)
                .register(registry);
        latency = Timer.builder(LATENCY).description("Time until Braze accepted a request").tags(tags).register(registry);
        rateLimited = Counter.builder(RATE_LIMITED).description("429 answers from Braze").tags(tags).register(registry);
        pacingWait = Timer.builder(PACING_WAIT).description("Waits for a spent rate-limit window to reset")
                .tags(tags).register(registry);
        for (FailureKind kind : FailureKind.values()) {
            Tags kindTag = tags.and("kind", kind.name());
            failures.put(kind, Counter.builder(FAILURES).description("Failed exchanges by kind").tags(kindTag)
                    .register(registry));
            retries.put(kind, Counter.builder(RETRIES).description("Retries the component scheduled, by reason")
                    .tags(tags.and("reason", kind.name())).register(registry));
        }
    }

    @Override
    public void requestSent(int recipientCount) {
        requests.increment();
    }

    @Override
    public void requestAccepted(int recipientCount, long latencyMillis, AcceptedRequest result) {
        recipients.increment(recipientCount);
        latency.record(latencyMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void rateLimited() {
        rateLimited.increment();
    }

    @Override
    public void retryScheduled(FailureKind reason, long delayMillis) {
        retries.get(reason).increment();
    }

    @Override
    public void pacingWait(long delayMillis) {
        pacingWait.record(delayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void failed(FailureKind kind, String description) {
        failures.get(kind).increment();
    }
}
