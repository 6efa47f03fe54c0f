package io.camelbraze.trigger.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate-limit state of one CamelContext (held by the component), shared by every endpoint that uses the same API key and
 * host, because Braze counts per workspace. Targeted and broadcast buckets are kept apart. Keys are a hash of the API key,
 * never the key.
 */
public final class RateLimitRegistry {

    private final Map<String, Buckets> byKeyAndHost = new ConcurrentHashMap<>();

    public Buckets bucketsFor(String baseUri, String apiKey) {
        return byKeyAndHost.computeIfAbsent(baseUri + "#" + fingerprint(apiKey), Buckets::new);
    }

    private static String fingerprint(String apiKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(apiKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** The two buckets Braze keeps for trigger sends. */
    public static final class Buckets {
        private final RateLimitBucket targeted = new RateLimitBucket("targeted");
        private final RateLimitBucket broadcast = new RateLimitBucket("broadcast");
        private final String workspaceId;

        Buckets(String workspaceId) {
            this.workspaceId = workspaceId;
        }

        /** Host and a hash of the API key: names the workspace without the key. */
        public String workspaceId() {
            return workspaceId;
        }

        /** Broadcast and audience sends count against the per-minute broadcast limit; sends with recipients against the hourly one. */
        public RateLimitBucket forSend(boolean broadcastOrAudience) {
            return broadcastOrAudience ? broadcast : targeted;
        }

        public List<RateLimitBucket> all() {
            return List.of(targeted, broadcast);
        }
    }
}
