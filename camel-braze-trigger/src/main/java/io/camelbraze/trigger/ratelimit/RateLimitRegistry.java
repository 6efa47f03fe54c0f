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
package io.camelbraze.trigger.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Rate-limit state of one CamelContext (held by the component), shared by every endpoint that uses the same API key and
 * host, because Braze counts per workspace. Targeted and broadcast buckets are kept apart. Keys are a hash of the API key,
 * never the key.
 */
public final class RateLimitRegistry {

    private final Map<String, Buckets> byKeyAndHost = new ConcurrentHashMap<>();
    private final Executor wakeUps;
    private final Supplier<? extends ScheduledExecutorService> timer;

    /**
     * @param wakeUps runs the wake-ups of senders parked in a bucket (see {@link RateLimitBucket})
     * @param timer   gives the scheduler for each bucket's one timer, asked each time it is armed
     */
    public RateLimitRegistry(Executor wakeUps, Supplier<? extends ScheduledExecutorService> timer) {
        this.wakeUps = Objects.requireNonNull(wakeUps);
        this.timer = Objects.requireNonNull(timer);
    }

    public Buckets bucketsFor(String baseUri, String apiKey) {
        return byKeyAndHost.computeIfAbsent(baseUri + "#" + fingerprint(apiKey), key -> new Buckets(key, wakeUps, timer));
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
        private final RateLimitBucket targeted;
        private final RateLimitBucket broadcast;
        private final String workspaceId;

        Buckets(String workspaceId, Executor wakeUps, Supplier<? extends ScheduledExecutorService> timer) {
            this.workspaceId = workspaceId;
            this.targeted = new RateLimitBucket("targeted", wakeUps, timer);
            this.broadcast = new RateLimitBucket("broadcast", wakeUps, timer);
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
