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
