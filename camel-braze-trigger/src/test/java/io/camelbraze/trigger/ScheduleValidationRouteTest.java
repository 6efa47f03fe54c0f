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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.camelbraze.trigger.model.Attachment;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.Schedule;
import io.camelbraze.trigger.model.TriggerRequest;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every schedule rule is checked before any request: the exchange fails with BrazeValidationException naming the header,
 * field or option, and the fake Braze receives nothing.
 */
class ScheduleValidationRouteTest extends CamelTestSupport {

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension();

    static final Instant AT = Instant.now().plus(2, ChronoUnit.DAYS);
    /** 12 hours and a minute ago in UTC: passed even in UTC-12. */
    static final LocalDateTime PASSED_EVERYWHERE = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).minusHours(12).minusMinutes(1);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("braze-trigger:canvas?canvasId=cv-1");
                from("direct:schedule").to("braze-trigger:canvas?canvasId=cv-1&action=schedule");
                from("direct:scheduleCampaign").to("braze-trigger:campaign?campaignId=cmp-1&action=schedule");
                from("direct:scheduleLocal").to("braze-trigger:canvas?canvasId=cv-1&action=schedule&inLocalTime=true");
                from("direct:update").to("braze-trigger:canvas?canvasId=cv-1&action=updateSchedule");
                from("direct:cancel").to("braze-trigger:canvas?canvasId=cv-1&action=cancelSchedule");
                from("direct:sendId").to("braze-trigger:campaign?action=createSendId");
            }
        };
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static Stream<Arguments> invalid() {
        Map<String, Object> one = map(BrazeTriggerConstants.EXTERNAL_USER_ID, "1");
        Map<String, Object> oneAt = map(BrazeTriggerConstants.EXTERNAL_USER_ID, "1", BrazeTriggerConstants.SCHEDULE_TIME, AT);
        Map<String, Object> id = map(BrazeTriggerConstants.SCHEDULE_ID, "s-1");
        return Stream.of(
                // a send endpoint never schedules: a message meant for later must not go out now
                Arguments.of("direct:send", null, oneAt, BrazeTriggerConstants.SCHEDULE_TIME, "action=schedule"),
                Arguments.of("direct:send", TriggerRequest.canvas("cv-1").withSchedule(Schedule.at(AT))
                        .withRecipients(Recipient.externalUserId("1")), map(), "schedule", "action=schedule"),
                // a schedule needs a time
                Arguments.of("direct:schedule", null, one, "schedule.time", "required"),
                Arguments.of("direct:schedule", map("recipients", List.of(map("external_user_id", "1")), "schedule",
                        map("in_local_time", true)), map(), "schedule.time", "required"),
                Arguments.of("direct:schedule", null, map(BrazeTriggerConstants.EXTERNAL_USER_ID, "1",
                        BrazeTriggerConstants.SCHEDULE_TIME, "next tuesday"), BrazeTriggerConstants.SCHEDULE_TIME, "ISO 8601"),
                Arguments.of("direct:schedule", null, map(BrazeTriggerConstants.EXTERNAL_USER_ID, "1",
                        BrazeTriggerConstants.SCHEDULE_TIME, new Date()), BrazeTriggerConstants.SCHEDULE_TIME, "java.util.Date"),
                Arguments.of("direct:schedule", null, map(BrazeTriggerConstants.EXTERNAL_USER_ID, "1",
                        BrazeTriggerConstants.SCHEDULE_TIME, AT, BrazeTriggerConstants.SCHEDULE_IN_LOCAL_TIME, "yes"),
                        BrazeTriggerConstants.SCHEDULE_IN_LOCAL_TIME, "true or false"),
                // exclusive flags, from any two sources
                Arguments.of("direct:scheduleLocal", null, map(BrazeTriggerConstants.EXTERNAL_USER_ID, "1",
                        BrazeTriggerConstants.SCHEDULE_TIME, AT, BrazeTriggerConstants.SCHEDULE_AT_OPTIMAL_TIME, true),
                        BrazeTriggerConstants.SCHEDULE_AT_OPTIMAL_TIME, "exclusive"),
                // a local time passed in every time zone
                Arguments.of("direct:scheduleLocal", null, map(BrazeTriggerConstants.EXTERNAL_USER_ID, "1",
                        BrazeTriggerConstants.SCHEDULE_TIME, PASSED_EVERYWHERE), BrazeTriggerConstants.SCHEDULE_TIME,
                        "passed in every time zone"),
                Arguments.of("direct:schedule", map("recipients", List.of(map("external_user_id", "1")), "schedule",
                        map("time", PASSED_EVERYWHERE.toString(), "in_local_time", true)), map(), "schedule.time",
                        "passed in every time zone"),
                // the trigger-send rules still apply
                Arguments.of("direct:schedule", map("broadcast", true, "schedule", map("time", AT.toString())), map(), "broadcast",
                        "endpoint option"),
                Arguments.of("direct:schedule", List.of(map("external_user_id", "1"), map("email", "x@example.com")), map(
                        BrazeTriggerConstants.SCHEDULE_TIME, AT), "recipients[1].prioritization", "required"),
                Arguments.of("direct:schedule", null, map(BrazeTriggerConstants.SCHEDULE_TIME, AT), "recipients", "required"),
                Arguments.of("direct:scheduleCampaign", TriggerRequest.campaign("cmp-1").withRecipients(Recipient.externalUserId("1"))
                        .withAttachments(new Attachment("invoice", "https://example.com/i.pdf")), map(BrazeTriggerConstants.SCHEDULE_TIME,
                        AT), "attachments", "no attachments"),
                // update and cancel name a schedule and take no recipients
                Arguments.of("direct:update", null, map(BrazeTriggerConstants.SCHEDULE_TIME, AT), "schedule_id", "required"),
                Arguments.of("direct:update", null, id, "schedule.time", "required"),
                Arguments.of("direct:update", null, map(BrazeTriggerConstants.SCHEDULE_ID, "s-1", BrazeTriggerConstants.SCHEDULE_TIME, AT,
                        BrazeTriggerConstants.EXTERNAL_USER_ID, "1"), BrazeTriggerConstants.EXTERNAL_USER_ID, "takes no"),
                Arguments.of("direct:update", map("schedule_id", "s-1", "recipients", List.of(map("external_user_id", "1")),
                        "schedule", map("time", AT.toString())), map(), "recipients", "cancel it and schedule again"),
                Arguments.of("direct:update", map("schedule_id", "s-1", "schedule", map("time", AT.toString(), "timezone", "CET")), map(),
                        "schedule.timezone", "unknown field"),
                Arguments.of("direct:update", List.of(map("external_user_id", "1")), id, "body", "a list"),
                Arguments.of("direct:update", map("campaign_id", "cmp-1", "schedule_id", "s-1"), map(BrazeTriggerConstants.SCHEDULE_TIME,
                        AT), "campaign_id", "does not belong"),
                Arguments.of("direct:cancel", null, map(), "schedule_id", "required"),
                Arguments.of("direct:cancel", null, map(BrazeTriggerConstants.SCHEDULE_ID, " "), "schedule_id", "required"),
                Arguments.of("direct:cancel", null, map(BrazeTriggerConstants.SCHEDULE_ID, "s-1", BrazeTriggerConstants.SCHEDULE_TIME, AT),
                        BrazeTriggerConstants.SCHEDULE_TIME, "action=updateSchedule"),
                Arguments.of("direct:cancel", map("schedule_id", "s-1", "audience", map()), map(), "audience",
                        "cancel it and schedule again"),
                Arguments.of("direct:cancel", TriggerRequest.canvas("cv-1"), id, "body", "send or a schedule"),
                // send ids: a campaign id, and Braze's format
                Arguments.of("direct:sendId", null, map(), "campaign_id", "required"),
                Arguments.of("direct:sendId", null, map(BrazeTriggerConstants.CAMPAIGN_ID, "cmp-1", BrazeTriggerConstants.SEND_ID,
                        "x".repeat(65)), "send_id", "at most 64"),
                Arguments.of("direct:sendId", map("campaign_id", "cmp-1", "send_id", "spring", "trigger_properties", map()), map(),
                        "trigger_properties", "only campaign_id and send_id"),
                Arguments.of("direct:sendId", null, map(BrazeTriggerConstants.CAMPAIGN_ID, "cmp-1", BrazeTriggerConstants.SCHEDULE_TIME,
                        AT), BrazeTriggerConstants.SCHEDULE_TIME, "takes no"));
    }

    @ParameterizedTest(name = "[{index}] {0} {3}")
    @MethodSource("invalid")
    void refusedBeforeAnyRequest(String uri, Object body, Map<String, Object> headers, String field, String reason) {
        Exchange result = template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new LinkedHashMap<>(headers));
        });

        assertThat(result.getException()).isInstanceOfSatisfying(BrazeValidationException.class, e -> {
            assertThat(e.getField()).isEqualTo(field);
            assertThat(e.getMessage()).contains(reason);
        });
        braze.assertNoRequests();
    }

    static Stream<Arguments> invalidOptions() {
        return Stream.of(
                Arguments.of("braze-trigger:canvas?canvasId=cv-1&action=createSendId", "campaign endpoints only"),
                Arguments.of("braze-trigger:canvas?canvasId=cv-1&scheduleTime=2030-01-01T00:00:00Z", "scheduleTime applies only"),
                Arguments.of("braze-trigger:canvas?canvasId=cv-1&action=cancelSchedule&inLocalTime=true", "inLocalTime applies only"),
                Arguments.of("braze-trigger:canvas?canvasId=cv-1&action=schedule&inLocalTime=true&atOptimalTime=true", "exclusive"),
                Arguments.of("braze-trigger:canvas?canvasId=cv-1&action=schedule&scheduleTime=soon", "ISO 8601"),
                Arguments.of("braze-trigger:canvas?canvasId=cv-1&action=schedule&batchSize=10", "batchSize applies to action=send only"),
                Arguments.of("braze-trigger:canvas?canvasId=cv-1&action=cancelSchedule&externalIdField=id", "takes no recipients"),
                Arguments.of("braze-trigger:canvas?canvasId=cv-1&action=updateSchedule&broadcast=true", "takes no recipients"),
                Arguments.of("braze-trigger:campaign?campaignId=cmp-1&action=updateSchedule&sendId=s", "take no send_id"),
                Arguments.of("braze-trigger:canvas?canvasId=cv-1&action=later", "later"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidOptions")
    void optionsThatDoNotFitTheActionFailAtRouteStart(String uri, String reason) {
        RouteBuilder route = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bad-" + Math.abs(uri.hashCode())).to(uri);
            }
        };
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> context.addRoutes(route));
        assertThat(failure).isInstanceOf(FailedToCreateRouteException.class);
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertThat(messages.toString()).contains(reason);
    }
}
