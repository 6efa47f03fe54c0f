package io.camelbraze.trigger.delivery;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which requests of an exchange Braze already accepted, kept as an exchange property so that a redelivery, by Camel or by
 * the component, sends only the requests not yet accepted. A request is recognised by where it went (the endpoint's path
 * and workspace) and a hash of its position and exact JSON: one exchange sent to two Canvases keeps both records apart,
 * and a body changed between deliveries counts as new.
 * <p>
 * Copies of an exchange (multicast, split, wire tap) share their properties: each delivery therefore works on its own
 * {@link #copyOf copy} and puts it back on its exchange.
 */
public final class ChunkProgress {

    private final Map<String, AcceptedRequest> accepted;

    public ChunkProgress() {
        this.accepted = new ConcurrentHashMap<>();
    }

    private ChunkProgress(Map<String, AcceptedRequest> accepted) {
        this.accepted = new ConcurrentHashMap<>(accepted);
    }

    /** A progress of its own for one delivery, starting from what an earlier one (possibly {@code null}) recorded. */
    public static ChunkProgress copyOf(ChunkProgress earlier) {
        return earlier == null ? new ChunkProgress() : new ChunkProgress(earlier.accepted);
    }

    public AcceptedRequest acceptedAt(String scope, PreparedChunk chunk) {
        return accepted.get(key(scope, chunk));
    }

    public void markAccepted(String scope, PreparedChunk chunk, AcceptedRequest result) {
        accepted.put(key(scope, chunk), result);
    }

    public int acceptedCount() {
        return accepted.size();
    }

    private static String key(String scope, PreparedChunk chunk) {
        return scope + '#' + HexFormat.of().formatHex(chunk.fingerprint());
    }

    @Override
    public String toString() {
        return "ChunkProgress[accepted requests=" + accepted.size() + "]";
    }
}
