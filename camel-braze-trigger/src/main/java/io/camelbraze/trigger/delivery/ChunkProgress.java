package io.camelbraze.trigger.delivery;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which requests (chunks) of an exchange Braze already accepted, kept as an exchange property so that a redelivery, by
 * Camel or by the component, sends only the chunks not yet accepted. A chunk is matched by its position and a hash of
 * its exact JSON: if the body changed between deliveries, the chunk counts as new.
 */
public final class ChunkProgress {

    private final Map<Integer, Entry> accepted = new ConcurrentHashMap<>();

    public AcceptedRequest acceptedAt(int index, byte[] fingerprint) {
        Entry entry = accepted.get(index);
        return entry != null && Arrays.equals(entry.fingerprint, fingerprint) ? entry.result : null;
    }

    public void markAccepted(int index, byte[] fingerprint, AcceptedRequest result) {
        accepted.put(index, new Entry(fingerprint, result));
    }

    public int acceptedCount() {
        return accepted.size();
    }

    private record Entry(byte[] fingerprint, AcceptedRequest result) {
    }

    @Override
    public String toString() {
        return "ChunkProgress[accepted=" + accepted.keySet() + "]";
    }
}
