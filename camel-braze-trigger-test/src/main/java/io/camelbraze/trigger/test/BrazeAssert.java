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

import java.util.List;

/**
 * Assertions on what the fake Braze holds: the schedules it created (as they stand after updates and cancellations), the
 * send ids it created, and the trigger sends it accepted. From {@link FakeBraze#assertThatBraze()}; a snapshot taken then.
 *
 * <pre>{@code
 * braze.assertThatBraze().scheduled("cv-1").forExternalUserId("42").at(Instant.parse("2026-12-01T09:00:00Z"));
 * braze.assertThatBraze().cancelled("cv-1").forExternalUserId("43");
 * braze.assertThatBraze().notScheduled("cv-2").sendIdCreated("cmp-1", "spring-sale");
 * }</pre>
 */
public final class BrazeAssert {

    private final List<RecordedRequest> received;
    private final List<ScheduledSend> schedules;
    private final List<CreatedSendId> sendIds;

    BrazeAssert(List<RecordedRequest> received, List<ScheduledSend> schedules, List<CreatedSendId> sendIds) {
        this.received = received;
        this.schedules = schedules;
        this.sendIds = sendIds;
    }

    /** Asserts that the Canvas or campaign {@code id} has at least one live (not cancelled) schedule; refine with the result. */
    public ScheduleAssert scheduled(String id) {
        return ScheduleAssert.of(id, false, schedules, received);
    }

    /** Asserts that at least one schedule of the Canvas or campaign {@code id} was cancelled; refine with the result. */
    public ScheduleAssert cancelled(String id) {
        return ScheduleAssert.of(id, true, schedules, received);
    }

    /** Asserts that the Canvas or campaign {@code id} has no live schedule (none created, or all cancelled). */
    public BrazeAssert notScheduled(String id) {
        List<ScheduledSend> live = schedules.stream().filter(s -> id.equals(s.targetId()) && !s.cancelled()).toList();
        if (!live.isEmpty()) {
            throw new AssertionError("Expected no live schedule of \"" + id + "\", but found " + live.size() + ": "
                                     + live.stream().map(s -> s.scheduleId() + " " + s.schedule()).toList());
        }
        return this;
    }

    /** Asserts that {@code /sends/id/create} created {@code sendId} for {@code campaignId}. */
    public BrazeAssert sendIdCreated(String campaignId, String sendId) {
        if (!sendIds.contains(new CreatedSendId(campaignId, sendId))) {
            throw new AssertionError("Expected send id \"" + sendId + "\" created for campaign \"" + campaignId + "\", but the"
                                     + " fake created " + sendIds);
        }
        return this;
    }

    /** Same as {@link FakeBraze#assertCanvasTriggered(String)}. */
    public CanvasTriggerAssert canvasTriggered(String canvasId) {
        return new CanvasTriggerAssert(canvasId, received);
    }

    /** Same as {@link FakeBraze#assertCampaignTriggered(String)}. */
    public CampaignTriggerAssert campaignTriggered(String campaignId) {
        return new CampaignTriggerAssert(campaignId, received);
    }
}
