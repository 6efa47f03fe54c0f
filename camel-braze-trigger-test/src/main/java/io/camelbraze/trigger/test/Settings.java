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
