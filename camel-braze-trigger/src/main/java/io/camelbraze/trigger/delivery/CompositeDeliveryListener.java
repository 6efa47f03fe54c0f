package io.camelbraze.trigger.delivery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards delivery events to every registered listener (statistics always; metrics when Micrometer is present).
 */
public final class CompositeDeliveryListener implements DeliveryListener {

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
        listeners.forEach(l -> l.requestSent(recipients));
    }

    @Override
    public void requestAccepted(int recipients, long latencyMillis, AcceptedRequest result) {
        listeners.forEach(l -> l.requestAccepted(recipients, latencyMillis, result));
    }

    @Override
    public void rateLimited() {
        listeners.forEach(DeliveryListener::rateLimited);
    }

    @Override
    public void retryScheduled(FailureKind reason, long delayMillis) {
        listeners.forEach(l -> l.retryScheduled(reason, delayMillis));
    }

    @Override
    public void pacingWait(long delayMillis) {
        listeners.forEach(l -> l.pacingWait(delayMillis));
    }

    @Override
    public void failed(FailureKind kind, String description) {
        listeners.forEach(l -> l.failed(kind, description));
    }
}
