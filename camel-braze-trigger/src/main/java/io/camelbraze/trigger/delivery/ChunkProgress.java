package io.camelbraze.trigger.delivery;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    private final Map<Key, AcceptedRequest> accepted;

    public ChunkProgress() {
        this.accepted = new ConcurrentHashMap<>();
    }

    private ChunkProgress(Map<Key, AcceptedRequest> accepted) {
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

    /** 128 bits of a hash of scope and fingerprint: a long input keeps one small entry per accepted request. */
    private static Key key(String scope, PreparedChunk chunk) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(scope.getBytes(StandardCharsets.UTF_8));
            ByteBuffer hash = ByteBuffer.wrap(digest.digest(chunk.fingerprint()));
            return new Key(hash.getLong(), hash.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    private record Key(long high, long low) {
    }

    @Override
    public String toString() {
        return "ChunkProgress[accepted requests=" + accepted.size() + "]";
    }
}
