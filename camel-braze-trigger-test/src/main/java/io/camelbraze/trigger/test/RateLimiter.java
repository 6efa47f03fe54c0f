package io.camelbraze.trigger.test;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Braze's rate limits for trigger sends (braze-api.md §7): targeted sends share one bucket (250,000 per clock hour by
 * default); broadcasts ({@code broadcast:true} or an {@code audience}) get 250 per minute overall and 10 per minute per
 * unique (id, audience) pair. Thread-safe.
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
        if (!BrazeRequestRules.isBroadcast(body)) {
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

    private static String audienceKey(BrazeEndpoint endpoint, JsonNode body) {
        return endpoint + "|" + body.path(endpoint.idField()).asText() + "|" + CanonicalJson.of(body.get("audience"));
    }
}
