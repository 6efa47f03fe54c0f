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
package io.camelbraze.trigger.test;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Braze's rate limits for trigger sends (braze-api.md §7, §8.6): targeted sends share one bucket (250,000 per clock hour
 * by default) with schedule updates and deletes and send-id creation; broadcasts ({@code broadcast:true} or an
 * {@code audience}, sent or scheduled) get 250 per minute overall and 10 per minute per unique (id, audience) pair.
 * Thread-safe.
 */
final class RateLimiter {

    private final RateWindow targeted;
    private final int broadcastLimit;
    private final int perAudienceLimit;
    private final long broadcastWindowMillis;
    private final RateWindow broadcastOverall;
    private final Map<String, RateWindow> perAudience = new ConcurrentHashMap<>();

    RateLimiter(int targetedLimit, Duration targetedWindow, int broadcastLimit, int perAudienceLimit, Duration broadcastWindow) {
        this.targeted = new RateWindow(targetedLimit, targetedWindow.toMillis());
        this.broadcastLimit = broadcastLimit;
        this.perAudienceLimit = perAudienceLimit;
        this.broadcastWindowMillis = broadcastWindow.toMillis();
        this.broadcastOverall = new RateWindow(broadcastLimit, broadcastWindowMillis);
    }

    /** Counts a targeted request (or one that could not be classified, such as malformed JSON). */
    RateLimitState takeTargeted(long nowMillis) {
        return targeted.take(nowMillis);
    }

    /** Counts a request to {@code endpoint} with this body in the bucket it belongs to. */
    RateLimitState take(BrazeEndpoint endpoint, JsonNode body, long nowMillis) {
        // schedule updates and deletes and send-id creation share the hourly bucket, as targeted sends do
        if (!endpoint.takesRecipients() || !BrazeRequestRules.isBroadcast(body)) {
            return targeted.take(nowMillis);
        }
        RateWindow audience = perAudience.computeIfAbsent(audienceKey(endpoint, body),
                k -> new RateWindow(perAudienceLimit, broadcastWindowMillis));
        synchronized (this) {
            RateLimitState both = broadcastOverall.peek(nowMillis).tighter(audience.peek(nowMillis));
            if (!both.allowed()) {
                return both;
            }
            return broadcastOverall.take(nowMillis).tighter(audience.take(nowMillis));
        }
    }

    /** The targeted bucket's state, for headers on responses that count nothing. */
    RateLimitState peekTargeted(long nowMillis) {
        return targeted.peek(nowMillis);
    }

    int broadcastLimit() {
        return broadcastLimit;
    }

    void reset() {
        targeted.reset();
        broadcastOverall.reset();
        perAudience.clear();
    }

    /** A unique audience is the Canvas or campaign and its audience: a send and a schedule create of it share the allowance. */
    private static String audienceKey(BrazeEndpoint endpoint, JsonNode body) {
        return endpoint.idField() + "|" + body.path(endpoint.idField()).asText() + "|" + CanonicalJson.of(body.get("audience"));
    }
}
