package io.camelbraze.trigger.test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** The fake's configuration, as {@link FakeBraze.Builder} collected it. Known-id sets are {@code null} for "any id". */
record Settings(Map<String, Set<String>> apiKeys, boolean lowercaseHeaders, Set<String> knownCanvasIds,
                Set<String> knownCampaignIds, Set<String> pausedCanvases, Set<String> archivedCanvases,
                boolean campaignDispatchId, boolean strictSendToExistingOnly, int targetedLimit, Duration targetedWindow,
                int broadcastLimit, int perAudienceLimit, Duration broadcastWindow, Clock clock, int port,
                int sendIdsPerDay) {

    /** The notice Braze adds to a 201 for a paused Canvas (braze-api.md §5.1). */
    static final String PAUSED_NOTICE = "The Canvas is paused. Resume the Canvas to ensure trigger requests will take effect.";
    /** The notice Braze adds to a 201 for an archived Canvas (braze-api.md §5.1). */
    static final String ARCHIVED_NOTICE = "The Canvas is archived. Unarchive the Canvas to ensure trigger requests will take effect.";

    BrazeRequestRules rules() {
        return new BrazeRequestRules(knownCanvasIds, knownCampaignIds, strictSendToExistingOnly, clock);
    }

    ScheduleBook scheduleBook() {
        return new ScheduleBook(clock, sendIdsPerDay);
    }

    RateLimiter rateLimiter() {
        return new RateLimiter(targetedLimit, targetedWindow, broadcastLimit, perAudienceLimit, broadcastWindow);
    }

    /** The configured notice for a Canvas id, or {@code null}. */
    String noticeFor(String canvasId) {
        if (archivedCanvases.contains(canvasId)) {
            return ARCHIVED_NOTICE;
        }
        return pausedCanvases.contains(canvasId) ? PAUSED_NOTICE : null;
    }
}
