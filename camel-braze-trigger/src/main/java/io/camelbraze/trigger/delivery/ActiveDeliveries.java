package io.camelbraze.trigger.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deliveries of one producer that have not completed: when the producer stops, each still waiting (for a rate-limit
 * reset, a retry, a response) is completed with a clear exception instead of being left hanging.
 */
public final class ActiveDeliveries {

    private final Set<ChunkedDelivery> active = ConcurrentHashMap.newKeySet();

    void add(ChunkedDelivery delivery) {
        active.add(delivery);
    }

    void remove(ChunkedDelivery delivery) {
        active.remove(delivery);
    }

    public int size() {
        return active.size();
    }

    /** Completes every active delivery with a failure saying why; returns how many there were. */
    public int abortAll(String why) {
        List<ChunkedDelivery> snapshot = new ArrayList<>(active);
        snapshot.forEach(delivery -> delivery.abort(why));
        return snapshot.size();
    }
}
