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
package io.camelbraze.examples;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

import io.camelbraze.examples.infra.AppointmentsDatabase;
import io.camelbraze.examples.routes.AppointmentReminderRoute;
import io.camelbraze.trigger.BrazeTriggerComponent;
import io.camelbraze.trigger.BrazeTriggerConstants;
import io.camelbraze.trigger.test.BrazeEndpoint;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import io.camelbraze.trigger.test.ScheduledSend;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelbraze.examples.ExampleRouteTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The appointment reminders: booked appointments get a Canvas scheduled in Braze for the day before, cancelled
 * appointments get it cancelled; a schedule is never created twice. Also the braze-canvas-schedule-sink Kamelet.
 */
class AppointmentReminderRouteTest extends CamelTestSupport {

    static final String CANVAS = "6b1e2f0a-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
    // a class of its own, not ExampleRouteTestSupport: it needs only its table, not the broker and SFTP server

    @RegisterExtension
    static final FakeBrazeExtension braze = new FakeBrazeExtension();

    AppointmentsDatabase database;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        database = AppointmentsDatabase.open(null, null, null);
        CamelContext context = super.createCamelContext();
        Properties properties = new Properties();
        properties.setProperty("braze.canvasId", CANVAS);
        context.getPropertiesComponent().setInitialProperties(properties);
        context.getRegistry().bind(AppointmentReminderRoute.DATA_SOURCE, database.dataSource());
        // the route's redeliveries and the next poll do the retrying here
        context.getComponent("braze-trigger", BrazeTriggerComponent.class).setMaxRetries(0);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new AppointmentReminderRoute();
    }

    private static OffsetDateTime inHours(long hours) {
        return OffsetDateTime.now(ZoneOffset.ofHours(2)).plusHours(hours).truncatedTo(ChronoUnit.MINUTES);
    }

    private String reminderOf(long id) {
        return (String) database.row(id).get("reminder_status");
    }

    @Test
    void schedulesTheReminderForTheDayBeforeAndCancelsItWithTheAppointment() throws Exception {
        OffsetDateTime annAt = inHours(72);
        long ann = database.book("customer-ann", "North", annAt);
        long bob = database.book("customer-bob", "South", inHours(120));
        long soon = database.book("customer-cy", "North", inHours(12));

        await("every reminder is settled", () -> reminderOf(ann).equals("SCHEDULED") && reminderOf(bob).equals("SCHEDULED")
                                                 && reminderOf(soon).equals("TOO_LATE"));

        Instant annReminder = annAt.toInstant().minus(Duration.ofDays(1));
        String annSchedule = (String) database.row(ann).get("reminder_schedule_id");
        braze.assertThatBraze().scheduled(CANVAS).forExternalUserId("customer-ann").at(annReminder)
                .withContext("clinic", "North").withScheduleId(annSchedule).times(1);
        braze.assertThatBraze().scheduled(CANVAS).forExternalUserId("customer-bob").times(1);
        assertThat(braze.schedules()).hasSize(2);
        assertThat(braze.schedules()).extracting(ScheduledSend::scheduleId)
                .containsExactlyInAnyOrder(annSchedule, (String) database.row(bob).get("reminder_schedule_id"));

        database.cancel(ann);
        database.cancel(soon);
        await("ann's reminder is cancelled", () -> reminderOf(ann).equals("CANCELLED"));

        braze.assertThatBraze().cancelled(CANVAS).forExternalUserId("customer-ann").withScheduleId(annSchedule).times(1);
        braze.assertThatBraze().scheduled(CANVAS).forExternalUserId("customer-bob").times(1);
        assertThat(reminderOf(soon)).as("never scheduled, nothing to cancel").isEqualTo("TOO_LATE");
        assertThat(braze.rejectedRequests()).isEmpty();
        assertThat(braze.allRequests()).extracting(r -> r.endpoint()).containsOnly(BrazeEndpoint.CANVAS_SCHEDULE_CREATE,
                BrazeEndpoint.CANVAS_SCHEDULE_DELETE);
    }

    @Test
    void aScheduleBrazeDidNotCreateIsTriedAgainAndCreatedExactlyOnce() throws Exception {
        // the first delivery and the route's two redeliveries meet a 503: back to PENDING, the next poll schedules it
        braze.script().serverError(3, 503);
        long ann = database.book("customer-ann", "North", inHours(48));

        await("the reminder is scheduled", () -> reminderOf(ann).equals("SCHEDULED"));

        assertThat(braze.rejectedRequests()).hasSize(3);
        assertThat(braze.schedules()).hasSize(1);
        braze.assertThatBraze().scheduled(CANVAS).forExternalUserId("customer-ann").times(1);
    }

    @Test
    void aScheduleRequestThatMayHaveReachedBrazeIsFlaggedNotSentAgain() throws Exception {
        braze.script().dropConnection(1);
        long ann = database.book("customer-ann", "North", inHours(48));

        await("the reminder is in doubt", () -> reminderOf(ann).equals("IN_DOUBT"));
        Thread.sleep(1500);

        assertThat(braze.allRequests()).hasSize(1);
        assertThat((String) database.row(ann).get("last_error")).contains("may have");
    }

    @Test
    void aCancellationBrazeDidNotAnswerIsTriedAgainAtTheNextPoll() throws Exception {
        long ann = database.book("customer-ann", "North", inHours(48));
        await("the reminder is scheduled", () -> reminderOf(ann).equals("SCHEDULED"));
        braze.script().on(BrazeEndpoint.CANVAS_SCHEDULE_DELETE).serverError(3, 503);

        database.cancel(ann);
        await("the reminder is cancelled", () -> reminderOf(ann).equals("CANCELLED"));

        braze.assertThatBraze().notScheduled(CANVAS).cancelled(CANVAS).forExternalUserId("customer-ann");
    }

    @Test
    void theScheduleSinkKameletSchedulesAndCancelsWithTheComponentsKey() throws Exception {
        context.getRouteController().stopRoute(AppointmentReminderRoute.SCHEDULE_ROUTE);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // no apiKey: the Kamelet falls back to the component's (here the fake's)
                from("direct:schedule").to("kamelet:braze-canvas-schedule-sink?canvasId=" + CANVAS + "&inLocalTime=true");
                from("direct:cancel").to("kamelet:braze-canvas-schedule-sink?canvasId=" + CANVAS + "&action=cancelSchedule");
            }
        });
        Exchange scheduled = template.request("direct:schedule", e -> {
            e.getMessage().setHeader(BrazeTriggerConstants.EXTERNAL_USER_ID, "customer-ann");
            e.getMessage().setHeader(BrazeTriggerConstants.SCHEDULE_TIME, "2030-03-01T09:00:00");
        });
        assertThat(scheduled.getException()).isNull();
        String scheduleId = scheduled.getMessage().getHeader(BrazeTriggerConstants.SCHEDULE_ID, String.class);
        braze.assertThatBraze().scheduled(CANVAS).forExternalUserId("customer-ann")
                .inLocalTime(java.time.LocalDateTime.parse("2030-03-01T09:00:00")).withScheduleId(scheduleId);

        Exchange cancelled = template.request("direct:cancel",
                e -> e.getMessage().setHeader(BrazeTriggerConstants.SCHEDULE_ID, scheduleId));
        assertThat(cancelled.getException()).isNull();
        braze.assertThatBraze().notScheduled(CANVAS).cancelled(CANVAS).withScheduleId(scheduleId);
        assertThat(braze.requests()).allSatisfy(r -> assertThat(r.usedApiKey(braze.apiKey())).isTrue());
        assertThat(braze.requests()).hasSize(2);
    }
}
