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
package io.camelbraze.examples.routes;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import io.camelbraze.trigger.BrazeTransportException;
import io.camelbraze.trigger.BrazeTriggerConstants;
import io.camelbraze.trigger.BrazeTriggerException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Scheduled sends example: an {@code appointments} table (see {@code AppointmentsDatabase}) whose customers get a
 * reminder Canvas the day before their appointment, scheduled in Braze as soon as the appointment is booked and cancelled
 * in Braze when the appointment is cancelled. Nothing waits in the application: Braze holds the schedule.
 *
 * <h2>Scheduling ({@value #SCHEDULE_ROUTE})</h2>
 * <ol>
 * <li>Polls booked appointments whose reminder is {@code PENDING} and claims each one ({@code PENDING → SCHEDULING}, a
 * conditional update, so a re-poll or a second instance never schedules it twice).</li>
 * <li>Sets {@code CamelBrazeScheduleTime} to the appointment's start minus one day (an {@code Instant}: Braze gets it in
 * UTC). An appointment less than a day ahead gets no reminder ({@code TOO_LATE}).</li>
 * <li>{@code braze-trigger:canvas?action=schedule} with the row as a flat record: {@code customer_id} is the recipient,
 * {@code clinic} and {@code starts_at} go into the Canvas context.</li>
 * <li>Only after Braze answered, camel-sql's {@code onConsume} stores {@code CamelBrazeScheduleId} and marks the reminder
 * {@code SCHEDULED}.</li>
 * </ol>
 *
 * <h2>Cancelling ({@value #CANCEL_ROUTE})</h2>
 * Polls cancelled appointments whose reminder is {@code SCHEDULED}, claims each ({@code SCHEDULED → CANCELLING}), sends
 * {@code braze-trigger:canvas?action=cancelSchedule} with {@code CamelBrazeScheduleId} from the row, and marks the
 * reminder {@code CANCELLED} after Braze answered.
 *
 * <h2>Failures</h2>
 * <ul>
 * <li>Schedule not created, provably (429, 5xx, no connection): after two redeliveries the reminder goes back to
 * {@code PENDING} for the next poll.</li>
 * <li>Schedule request that may have reached Braze (a timeout after sending): {@code IN_DOUBT}, never sent again
 * automatically, as Braze has no idempotency key: a second schedule would remind the customer twice.</li>
 * <li>Refused (invalid row, 4xx): {@code REJECTED} with the reason.</li>
 * <li>A cancellation that failed, for whatever reason, goes back to {@code SCHEDULED} and is tried again at the next poll:
 * cancelling twice cannot message anyone (a second cancellation of a cancelled schedule is refused by Braze with a 400,
 * which then leaves the reason in {@code last_error} for a person).</li>
 * </ul>
 */
public final class AppointmentReminderRoute extends RouteBuilder {

    public static final String SCHEDULE_ROUTE = "appointment-reminders";
    public static final String CANCEL_ROUTE = "appointment-cancellations";
    public static final String DATA_SOURCE = "appointmentsDataSource";
    /** The reminder goes out this long before the appointment. */
    public static final Duration AHEAD = Duration.ofDays(1);

    private static final String DB = "dataSource=#" + DATA_SOURCE;
    private static final String POLL_BOOKED = "sql:SELECT id, customer_id, clinic, starts_at FROM appointments"
                                              + " WHERE status = 'BOOKED' AND reminder_status = 'PENDING' ORDER BY id"
                                              + "?" + DB + "&delay=500&initialDelay=200&maxMessagesPerPoll=50"
                                              + "&onConsume=UPDATE appointments SET reminder_status = 'SCHEDULED',"
                                              + " reminder_schedule_id = :#${header.CamelBrazeScheduleId}, last_error = NULL"
                                              + " WHERE id = :#id AND reminder_status = 'SCHEDULING'";
    private static final String CLAIM_BOOKED = "sql:UPDATE appointments SET reminder_status = 'SCHEDULING'"
                                               + " WHERE id = :#id AND reminder_status = 'PENDING'?" + DB + "&noop=true";
    private static final String TOO_LATE = "sql:UPDATE appointments SET reminder_status = 'TOO_LATE'"
                                           + " WHERE id = :#id AND reminder_status = 'SCHEDULING'?" + DB + "&noop=true";
    private static final String POLL_CANCELLED = "sql:SELECT id, reminder_schedule_id FROM appointments"
                                                 + " WHERE status = 'CANCELLED' AND reminder_status = 'SCHEDULED' ORDER BY id"
                                                 + "?" + DB + "&delay=500&initialDelay=200&maxMessagesPerPoll=50"
                                                 + "&onConsume=UPDATE appointments SET reminder_status = 'CANCELLED',"
                                                 + " last_error = NULL WHERE id = :#${exchangeProperty.appointmentId}"
                                                 + " AND reminder_status = 'CANCELLING'";
    private static final String CLAIM_CANCELLED = "sql:UPDATE appointments SET reminder_status = 'CANCELLING'"
                                                  + " WHERE id = :#id AND reminder_status = 'SCHEDULED'?" + DB + "&noop=true";
    private static final String RECORD_FAILURE = "sql:UPDATE appointments SET reminder_status = :#${exchangeProperty.reminderStatus},"
                                                 + " last_error = :#${exchangeProperty.reminderError}"
                                                 + " WHERE id = :#${exchangeProperty.appointmentId}"
                                                 + " AND reminder_status = :#${exchangeProperty.claimedAs}?" + DB;

    static final String SCHEDULE = "braze-trigger:canvas?canvasId={{braze.canvasId}}&action=schedule"
                                   + "&externalIdField=customer_id&contextFields=clinic,starts_at";
    static final String CANCEL = "braze-trigger:canvas?canvasId={{braze.canvasId}}&action=cancelSchedule";

    @Override
    public void configure() {
        onException(BrazeTriggerException.class)
                .retryWhile(BrazeErrors.retrySafeAtMost(2)).redeliveryDelay(500).backOffMultiplier(2)
                .handled(true)
                .process(AppointmentReminderRoute::describeFailure)
                .to(RECORD_FAILURE)
                .log("appointment ${exchangeProperty.appointmentId}: reminder ${exchangeProperty.reminderStatus}:"
                     + " ${exchangeProperty.reminderError}");

        from(POLL_BOOKED)
                .routeId(SCHEDULE_ROUTE)
                .setProperty("appointmentId", simple("${body[id]}"))
                .setProperty("claimedAs", constant("SCHEDULING"))
                .to(CLAIM_BOOKED)
                .filter(simple("${header.CamelSqlUpdateCount} == 1"))
                    .process(AppointmentReminderRoute::setReminderTime)
                    .choice()
                        .when(header(BrazeTriggerConstants.SCHEDULE_TIME).isNull())
                            .to(TOO_LATE)
                            .log("appointment ${exchangeProperty.appointmentId} is less than a day ahead: no reminder")
                        .otherwise()
                            .to(SCHEDULE)
                            .log("appointment ${exchangeProperty.appointmentId}: reminder scheduled for"
                                 + " ${header.CamelBrazeScheduleTime}, schedule ${header.CamelBrazeScheduleId}")
                    .end()
                .end();

        from(POLL_CANCELLED)
                .routeId(CANCEL_ROUTE)
                .setProperty("appointmentId", simple("${body[id]}"))
                .setProperty("claimedAs", constant("CANCELLING"))
                .to(CLAIM_CANCELLED)
                .filter(simple("${header.CamelSqlUpdateCount} == 1"))
                    .setHeader(BrazeTriggerConstants.SCHEDULE_ID, simple("${body[reminder_schedule_id]}"))
                    .setBody(constant(null))
                    .to(CANCEL)
                    .log("appointment ${exchangeProperty.appointmentId} cancelled: reminder schedule ${header.CamelBrazeScheduleId}"
                         + " cancelled")
                .end();
    }

    /** The day before the appointment, or no header when that moment has passed. */
    static void setReminderTime(Exchange exchange) {
        Instant startsAt = instant(exchange.getMessage().getBody(java.util.Map.class).get("starts_at"));
        Instant remindAt = startsAt.minus(AHEAD);
        if (remindAt.isAfter(Instant.now())) {
            exchange.getMessage().setHeader(BrazeTriggerConstants.SCHEDULE_TIME, remindAt);
        }
    }

    /** A TIMESTAMP WITH TIME ZONE column as the JDBC driver returns it (H2: OffsetDateTime; PostgreSQL: Timestamp). */
    static Instant instant(Object column) {
        if (column instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (column instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (column instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (column instanceof Instant instant) {
            return instant;
        }
        throw new IllegalArgumentException("starts_at must be a TIMESTAMP WITH TIME ZONE, found " + column);
    }

    /** The reminder's next status and the reason, from the failure Camel caught. */
    static void describeFailure(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        boolean cancelling = "CANCELLING".equals(exchange.getProperty("claimedAs"));
        exchange.setProperty("reminderStatus", cancelling ? "SCHEDULED" : statusAfter(failure));
        exchange.setProperty("reminderError", BrazeErrors.reason(exchange));
    }

    static String statusAfter(Throwable failure) {
        if (failure instanceof BrazeTriggerException braze && braze.isRetrySafe()) {
            return "PENDING";
        }
        if (failure instanceof BrazeTransportException) {
            return "IN_DOUBT";
        }
        return "REJECTED";
    }
}
