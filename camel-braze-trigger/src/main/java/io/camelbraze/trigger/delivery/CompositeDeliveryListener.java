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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards delivery events to every registered listener (statistics always; metrics when Micrometer is present).
 */
public final class CompositeDeliveryListener implements DeliveryListener {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CompositeDeliveryListener.class);

    private final List<DeliveryListener> listeners = new CopyOnWriteArrayList<>();

    public CompositeDeliveryListener(DeliveryListener... initial) {
        listeners.addAll(List.of(initial));
    }

    public void add(DeliveryListener listener) {
        listeners.add(listener);
    }

    public void remove(DeliveryListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void requestSent(int recipients) {
        each(l -> l.requestSent(recipients));
    }

    @Override
    public void requestAccepted(int recipients, long latencyMillis, AcceptedRequest result) {
        each(l -> l.requestAccepted(recipients, latencyMillis, result));
    }

    @Override
    public void rateLimited() {
        each(DeliveryListener::rateLimited);
    }

    @Override
    public void retryScheduled(FailureKind reason, long delayMillis) {
        each(l -> l.retryScheduled(reason, delayMillis));
    }

    @Override
    public void pacingWait(long delayMillis) {
        each(l -> l.pacingWait(delayMillis));
    }

    @Override
    public void failed(FailureKind kind, String description) {
        each(l -> l.failed(kind, description));
    }

    /** A listener that throws must not turn a delivery into a failure: it is logged and the others still run. */
    private void each(java.util.function.Consumer<DeliveryListener> event) {
        for (DeliveryListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Delivery listener {} failed: {}", listener.getClass().getName(), e.toString());
            }
        }
    }
}
