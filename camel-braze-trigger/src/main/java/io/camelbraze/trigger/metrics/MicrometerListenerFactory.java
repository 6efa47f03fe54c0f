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

import java.util.Objects;

import io.camelbraze.trigger.BrazeTriggerEndpoint;
import io.camelbraze.trigger.delivery.DeliveryListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.spi.Registry;

/**
 * Finds the application's {@link MeterRegistry} in the Camel registry and builds the endpoint's listener. Only
 * {@link DeliveryMetrics} calls it, after checking that Micrometer is on the classpath.
 */
final class MicrometerListenerFactory {

    /** The name camel-micrometer binds its registry under ({@code MicrometerConstants.METRICS_REGISTRY_NAME}). */
    static final String CAMEL_METRICS_REGISTRY_NAME = "metricsRegistry";

    private MicrometerListenerFactory() {
    }

    /** The listener, or null when the Camel registry holds no (single) {@code MeterRegistry}. */
    static DeliveryListener create(BrazeTriggerEndpoint endpoint) {
        Registry registry = endpoint.getCamelContext().getRegistry();
        MeterRegistry meters = registry.lookupByNameAndType(CAMEL_METRICS_REGISTRY_NAME, MeterRegistry.class);
        if (meters == null) {
            meters = registry.findSingleByType(MeterRegistry.class);
        }
        if (meters == null) {
            return null;
        }
        return new MicrometerDeliveryListener(meters, endpoint.getConfiguration().getOperation().name(),
                Objects.toString(endpoint.getConfiguration().targetId(), "header"));
    }
}
