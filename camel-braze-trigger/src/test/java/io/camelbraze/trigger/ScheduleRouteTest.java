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
package io.camelbraze.trigger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.Schedule;
import io.camelbraze.trigger.model.ScheduleCancel;
import io.camelbraze.trigger.model.ScheduleUpdate;
import io.camelbraze.trigger.model.TriggerRequest;
import io.camelbraze.trigger.test.BrazeEndpoint;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import io.camelbraze.trigger.test.RecordedRequest;
import io.camelbraze.trigger.test.ScheduledSend;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled sends through real routes against the fake Braze: Canvas and campaign schedules created, moved and cancelled,
 * the time from each source written as Braze wants it, one schedule per request of 50, results in headers.
 */
class ScheduleRouteTest extends CamelTestSupport {

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension();

    /** A time safely ahead, in whole seconds. */
    static final Instant AT = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    static final LocalDateTime LOCAL = LocalDateTime.now().plusDays(3).truncatedTo(ChronoUnit.HOURS);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:schedule").to("braze-trigger:canvas?canvasId=cv-1&action=schedule");
                from("direct:scheduleCampaign").to("braze-trigger:campaign?campaignId=cmp-1&action=schedule");
                from("direct:scheduleAtOption").to("braze-trigger:canvas?canvasId=cv-1&action=schedule&scheduleTime=" + AT);
                from("direct:scheduleLocal").to("braze-trigger:campaign?campaignId=cmp-1&action=schedule&inLocalTime=true");
                from("direct:scheduleBroadcast").to("braze-trigger:canvas?canvasId=cv-1&action=schedule&broadcast=true");
                from("direct:scheduleOneAtATime")
                        .to("braze-trigger:canvas?canvasId=cv-1&action=schedule&maxConcurrentRequests=1&maxRetries=0");
                from("direct:update").to("braze-trigger:canvas?canvasId=cv-1&action=updateSchedule");
                from("direct:cancel").to("braze-trigger:canvas?canvasId=cv-1&action=cancelSchedule");
                from("direct:updateCampaign").to("braze-trigger:campaign?campaignId=cmp-1&action=updateSchedule");
                from("direct:cancelCampaign").to("braze-trigger:campaign?campaignId=cmp-1&action=cancelSchedule");
            }
        };
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new LinkedHashMap<>(headers));
        });
        if (exchange.getException() != null) {
            throw new AssertionError("send failed: " + exchange.getException(), exchange.getException());
        }
        return exchange;
    }

    private static String scheduleIdOf(Exchange exchange) {
        return exchange.getMessage().getHeader(BrazeTriggerConstants.SCHEDULE_ID, String.class);
    }

    @Test
    void schedulesACanvasSendAndReturnsTheScheduleId() {
        Exchange result = send("direct:schedule", null, Map.of(BrazeTriggerConstants.SCHEDULE_TIME, AT,
                BrazeTriggerConstants.EXTERNAL_USER_ID, "42", BrazeTriggerConstants.CONTEXT, Map.of("appointment", "A-7")));

        RecordedRequest request = braze.requests().get(0);
        assertThat(request.endpoint()).isEqualTo(BrazeEndpoint.CANVAS_SCHEDULE_CREATE);
        assertThat(request.json().path("schedule").toString()).isEqualTo("{\"time\":\"" + Schedule.utc(AT) + "\"}");
        assertThat(scheduleIdOf(result)).isEqualTo(request.scheduleId().orElseThrow());
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.SCHEDULE_IDS, List.class)).containsExactly(scheduleIdOf(result));
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.DISPATCH_ID, String.class)).matches("[0-9a-f]{32}");
        assertThat(result.getMessage().getHeader(BrazeTriggerConstants.RECIPIENT_COUNT)).isEqualTo(1);
        braze.assertThatBraze().scheduled("cv-1").forExternalUserId("42").withContext("appointment", "A-7").at(AT)
                .withScheduleId(scheduleIdOf(result)).times(1);
    }

    @Test
    void theHeaderTimeBeatsTheBodysScheduleWhichBeatsTheOption() {
        Instant bodyTime = AT.plus(1, ChronoUnit.HOURS);
        Instant headerTime = AT.plus(2, ChronoUnit.HOURS);
        Map<String, Object> body = Map.of("recipients", List.of(Map.of("external_user_id", "1")),
                "schedule", Map.of("time", bodyTime.toString()));

        send("direct:scheduleAtOption", Map.of("external_user_id", "0"), Map.of());
        send("direct:scheduleAtOption", body, Map.of());
        send("direct:scheduleAtOption", body, Map.of(BrazeTriggerConstants.SCHEDULE_TIME, headerTime.toString()));

        braze.assertThatBraze().scheduled("cv-1").forExternalUserId("0").at(AT).times(1);
        braze.assertThatBraze().scheduled("cv-1").forExternalUserId("1").at(bodyTime).times(1);
        braze.assertThatBraze().scheduled("cv-1").forExternalUserId("1").at(headerTime).times(1);
    }

    @Test
    void everyTimeTypeIsWrittenInUtcForAPlainSchedule() {
        OffsetDateTime paris = OffsetDateTime.parse("2030-06-01T11:00:00+02:00");
        for (Object time : List.of(paris, paris.toZonedDateTime(), paris.toInstant(), "2030-06-01T11:00:00+02:00",
                "2030-06-01T11:00:00+0200", "2030-06-01T09:00:00Z", "2030-06-01T09:00", LocalDateTime.parse("2030-06-01T09:00"))) {
            send("direct:schedule", null, Map.of(BrazeTriggerConstants.SCHEDULE_TIME, time, BrazeTriggerConstants.EXTERNAL_USER_ID,
                    "1"));
        }
        assertThat(braze.requests()).hasSize(8).allSatisfy(
                r -> assertThat(r.json().path("schedule").toString()).isEqualTo("{\"time\":\"2030-06-01T09:00:00Z\"}"));
    }

    @Test
    void aLocalTimeScheduleIsWrittenWithoutZoneDesignator() {
        // the option says local time; a zoned value is taken as its local date-time, not converted
        send("direct:scheduleLocal", Map.of("external_user_id", "1"), Map.of(BrazeTriggerConstants.SCHEDULE_TIME,
                OffsetDateTime.parse("2030-06-01T09:00:00+02:00")));
        // the header turns it on for one exchange; at_optimal_time from a date
        send("direct:schedule", Map.of("external_user_id", "2"), Map.of(BrazeTriggerConstants.SCHEDULE_TIME, "2030-06-01T09:30:00",
                BrazeTriggerConstants.SCHEDULE_IN_LOCAL_TIME, "true"));
        send("direct:schedule", Map.of("external_user_id", "3"), Map.of(BrazeTriggerConstants.SCHEDULE_TIME,
                LocalDate.parse("2030-06-02"), BrazeTriggerConstants.SCHEDULE_AT_OPTIMAL_TIME, true));

        assertThat(braze.requests()).extracting(r -> r.json().path("schedule").toString()).containsExactly(
                "{\"time\":\"2030-06-01T09:00:00\",\"in_local_time\":true}",
                "{\"time\":\"2030-06-01T09:30:00\",\"in_local_time\":true}",
                "{\"time\":\"2030-06-02T00:00:00\",\"at_optimal_time\":true}");
        braze.assertThatBraze().scheduled("cmp-1").inLocalTime(LocalDateTime.parse("2030-06-01T09:00:00")).forExternalUserId("1");
        braze.assertThatBraze().scheduled("cv-1").atOptimalTime(LocalDate.parse("2030-06-02")).forExternalUserId("3");
    }

    @Test
    void typedCampaignScheduleWithSendIdAndTriggerProperties() {
        TriggerRequest request = TriggerRequest.campaign("cmp-1").withSendId("renewals")
                .withTriggerProperties(Map.of("plan", "gold"))
                .withSchedule(Schedule.inLocalTime(LOCAL))
                .withRecipients(Recipient.externalUserId("7"), Recipient.email("ann@example.com", "most_recently_updated"));
        Exchange result = send("direct:scheduleCampaign", request, Map.of());

        braze.assertThatBraze().scheduled("cmp-1").inLocalTime(LOCAL).withSendId("renewals").withTriggerProperty("plan", "gold")
                .times(2);
        assertThat(braze.requests()).singleElement()
                .satisfies(r -> assertThat(r.endpoint()).isEqualTo(BrazeEndpoint.CAMPAIGN_SCHEDULE_CREATE));
        assertThat(scheduleIdOf(result)).isNotBlank();
    }

    @Test
    void aBroadcastScheduleWithAnAudience() {
        send("direct:scheduleBroadcast", Map.of("audience", Map.of("push_subscription_status",
                Map.of("comparison", "is", "value", "opted_in"))), Map.of(BrazeTriggerConstants.SCHEDULE_TIME, AT));

        braze.assertThatBraze().scheduled("cv-1").asBroadcast().at(AT).times(1);
        assertThat(braze.requests().get(0).json().has("audience")).isTrue();
    }

    @Test
    void moreThan50RecipientsAreOneSchedulePerRequest() {
        List<Map<String, Object>> recipients = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            recipients.add(Map.of("external_user_id", "u" + i));
        }
        Exchange result = send("direct:schedule", recipients, Map.of(BrazeTriggerConstants.SCHEDULE_TIME, AT));

        // requests go out concurrently: the header lists them in input order, whatever order Braze saw them in
        Map<String, ScheduledSend> created = new LinkedHashMap<>();
        braze.schedules().forEach(s -> created.put(s.scheduleId(), s));
        List<String> ids = result.getMessage().getHeader(BrazeTriggerConstants.SCHEDULE_IDS, List.class);
        assertThat(ids).hasSize(3).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created.keySet());
        assertThat(ids).extracting(id -> created.get(id).recipients().get(0).externalUserId()).containsExactly("u0", "u50", "u100");
        assertThat(ids).extracting(id -> created.get(id).recipients().size()).containsExactly(50, 50, 20);
        assertThat(scheduleIdOf(result)).isEqualTo(ids.get(2));
        braze.assertThatBraze().scheduled("cv-1").at(AT).times(120);
    }

    @Test
    void movesAndCancelsASchedule() {
        String id = scheduleIdOf(send("direct:schedule", Map.of("external_user_id", "42"),
                Map.of(BrazeTriggerConstants.SCHEDULE_TIME, AT)));
        Instant later = AT.plus(1, ChronoUnit.DAYS);

        Exchange moved = send("direct:update", null, Map.of(BrazeTriggerConstants.SCHEDULE_ID, id,
                BrazeTriggerConstants.SCHEDULE_TIME, later));
        assertThat(moved.getMessage().getHeader(BrazeTriggerConstants.REQUEST_COUNT)).isEqualTo(1);
        assertThat(braze.requests().get(1).json().toString())
                .isEqualTo("{\"canvas_id\":\"cv-1\",\"schedule_id\":\"" + id + "\",\"schedule\":{\"time\":\"" + Schedule.utc(later)
                           + "\"}}");
        braze.assertThatBraze().scheduled("cv-1").forExternalUserId("42").at(later).updated().withScheduleId(id);

        send("direct:cancel", null, Map.of(BrazeTriggerConstants.SCHEDULE_ID, id));
        assertThat(braze.requests().get(2).json().toString()).isEqualTo("{\"canvas_id\":\"cv-1\",\"schedule_id\":\"" + id + "\"}");
        braze.assertThatBraze().notScheduled("cv-1").cancelled("cv-1").forExternalUserId("42").withScheduleId(id);
    }

    @Test
    void updateAndCancelFromTypedAndMapBodies() {
        String first = scheduleIdOf(send("direct:scheduleCampaign", Map.of("external_user_id", "1"),
                Map.of(BrazeTriggerConstants.SCHEDULE_TIME, AT)));
        String second = scheduleIdOf(send("direct:scheduleCampaign", Map.of("external_user_id", "2"),
                Map.of(BrazeTriggerConstants.SCHEDULE_TIME, AT)));

        send("direct:updateCampaign", ScheduleUpdate.campaign("cmp-1", first, Schedule.inLocalTime(LOCAL)), Map.of());
        send("direct:updateCampaign", Map.of("schedule_id", second, "schedule",
                Map.of("time", LOCAL.toLocalDate().toString(), "at_optimal_time", true)), Map.of());
        send("direct:cancelCampaign", ScheduleCancel.campaign("cmp-1", first), Map.of());
        send("direct:cancelCampaign", "{\"schedule_id\":\"" + second + "\"}", Map.of());

        assertThat(braze.requests()).extracting(RecordedRequest::endpoint).containsExactly(BrazeEndpoint.CAMPAIGN_SCHEDULE_CREATE,
                BrazeEndpoint.CAMPAIGN_SCHEDULE_CREATE, BrazeEndpoint.CAMPAIGN_SCHEDULE_UPDATE, BrazeEndpoint.CAMPAIGN_SCHEDULE_UPDATE,
                BrazeEndpoint.CAMPAIGN_SCHEDULE_DELETE, BrazeEndpoint.CAMPAIGN_SCHEDULE_DELETE);
        braze.assertThatBraze().cancelled("cmp-1").forExternalUserId("1").inLocalTime(LOCAL);
        braze.assertThatBraze().cancelled("cmp-1").forExternalUserId("2").atOptimalTime(LOCAL.toLocalDate());
        braze.assertThatBraze().notScheduled("cmp-1");
    }

    @Test
    void theScheduleIdHeaderBeatsTheBodys() {
        String id = scheduleIdOf(send("direct:schedule", Map.of("external_user_id", "1"), Map.of(BrazeTriggerConstants.SCHEDULE_TIME, AT)));
        send("direct:cancel", Map.of("schedule_id", "from-the-body"), Map.of(BrazeTriggerConstants.SCHEDULE_ID, id));
        braze.assertThatBraze().cancelled("cv-1").withScheduleId(id);
    }
}
