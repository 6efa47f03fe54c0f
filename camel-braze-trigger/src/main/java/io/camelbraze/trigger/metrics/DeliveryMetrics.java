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

import java.util.Optional;

import io.camelbraze.trigger.BrazeTriggerEndpoint;
import io.camelbraze.trigger.delivery.DeliveryListener;

/**
 * Entry point for metrics, free of Micrometer types so that it loads without Micrometer: it builds a
 * {@link MicrometerDeliveryListener} only when Micrometer is on the classpath and a {@code MeterRegistry} is bound in
 * the Camel registry (as {@code metricsRegistry}, the name camel-micrometer uses, or as the only bean of that type).
 */
public final class DeliveryMetrics {

    static final String METER_REGISTRY_CLASS = "io.micrometer.core.instrument.MeterRegistry";

    private DeliveryMetrics() {
    }

    /** The metrics listener for {@code endpoint}, or empty when Micrometer or a registry is absent. */
    public static Optional<DeliveryListener> listenerFor(BrazeTriggerEndpoint endpoint) {
        if (!isMicrometerPresent(DeliveryMetrics.class.getClassLoader())) {
            return Optional.empty();
        }
        return Optional.ofNullable(MicrometerListenerFactory.create(endpoint));
    }

    /** Whether {@code loader} can see Micrometer's {@code MeterRegistry}; checked without initialising it. */
    static boolean isMicrometerPresent(ClassLoader loader) {
        try {
            Class.forName(METER_REGISTRY_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
