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

import io.camelbraze.trigger.BrazeApiException;
import io.camelbraze.trigger.BrazeTransportException;
import io.camelbraze.trigger.BrazeTriggerException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Database example, the transactional outbox: the application writes a {@code PENDING} row into {@code braze_outbox} in
 * the same transaction as its business change; this route turns each row into one Canvas send and records the outcome
 * in the row.
 *
 * <h2>Why a crash never loses or double-sends a row</h2>
 * <ol>
 * <li><b>Claim before sending.</b> A polled row is first switched {@code PENDING → SENDING} with
 * {@code UPDATE … WHERE id = ? AND status = 'PENDING'} (committed at once). Only the poller whose update counted one row
 * sends it, so a re-poll, a second instance or a redelivered row can never send it twice (idempotent re-poll).</li>
 * <li><b>Mark after accept.</b> The row becomes {@code SENT}, with Braze's dispatch id, only in camel-sql's
 * {@code onConsume}, which runs only when the exchange completed without error, i.e. after Braze answered 2xx. A crash
 * before that leaves the row in the table: nothing is lost.</li>
 * <li><b>Failures say what Braze did.</b> Braze provably didn't accept it (429, retryable 5xx, never connected): after
 * two redeliveries the row goes back to {@code PENDING} for the next poll ({@code FAILED} after
 * {@value #MAX_ATTEMPTS} attempts). Invalid or refused by Braze: {@code REJECTED}, with the reason. The request may have
 * reached Braze (timeout after sending, a 504): {@code IN_DOUBT}, never resent automatically, because Braze has no
 * idempotency key.</li>
 * <li><b>Crash between Braze's 2xx and the update.</b> The row is still {@code SENDING}; at the next start
 * {@code OutboxDatabase.recoverAfterCrash()} turns it to {@code IN_DOUBT} for a person to check, rather than resending it
 * (a possible duplicate) or dropping it (a possible loss).</li>
 * </ol>
 */
public final class OutboxRoute extends RouteBuilder {

    public static final String ROUTE_ID = "outbox";
    public static final String DATA_SOURCE = "outboxDataSource";
    public static final int MAX_ATTEMPTS = 5;

    private static final String DB = "dataSource=#" + DATA_SOURCE;
    private static final String POLL = "sql:SELECT id, external_user_id, first_name, carrier, tracking_number, attempts"
                                       + " FROM braze_outbox WHERE status = 'PENDING' ORDER BY id"
                                       + "?" + DB + "&delay=500&initialDelay=200&maxMessagesPerPoll=50"
                                       + "&onConsume=UPDATE braze_outbox SET status = 'SENT',"
                                       + " dispatch_id = :#${header.CamelBrazeDispatchId}, sent_at = CURRENT_TIMESTAMP,"
                                       + " last_error = NULL WHERE id = :#id AND status = 'SENDING'";
    private static final String CLAIM = "sql:UPDATE braze_outbox SET status = 'SENDING', attempts = :#${exchangeProperty.outboxAttempt}"
                                        + " WHERE id = :#id AND status = 'PENDING'?" + DB + "&noop=true";
    private static final String RECORD_FAILURE = "sql:UPDATE braze_outbox SET status = :#${exchangeProperty.outboxStatus},"
                                                 + " last_error = :#${exchangeProperty.outboxError}"
                                                 + " WHERE id = :#${exchangeProperty.outboxId} AND status = 'SENDING'?" + DB;
    static final String CANVAS = "braze-trigger:canvas?canvasId={{braze.canvasId}}&externalIdField=external_user_id"
                                 + "&contextFields=carrier,tracking_number&attributeFields=first_name";

    @Override
    public void configure() {
        onException(BrazeTriggerException.class)
                .retryWhile(BrazeErrors.retrySafeAtMost(2)).redeliveryDelay(500).backOffMultiplier(2)
                .handled(true)
                .process(OutboxRoute::describeFailure)
                .to(RECORD_FAILURE)
                .log("outbox row ${exchangeProperty.outboxId} -> ${exchangeProperty.outboxStatus}: ${exchangeProperty.outboxError}");

        from(POLL)
                .routeId(ROUTE_ID)
                .setProperty("outboxId", simple("${body[id]}"))
                .setProperty("outboxAttempt", simple("${sum(${body[attempts]},1)}"))
                .to(CLAIM)
                .filter(simple("${header.CamelSqlUpdateCount} == 1"))
                    .to(CANVAS)
                    .log("outbox row ${exchangeProperty.outboxId} sent, dispatch ${header.CamelBrazeDispatchId}")
                .end();
    }

    /** Sets the row's next status and the reason from the failure Camel caught. */
    static void describeFailure(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int attempt = exchange.getProperty("outboxAttempt", 1, Integer.class);
        exchange.setProperty("outboxStatus", statusAfter(failure, attempt));
        exchange.setProperty("outboxError", BrazeErrors.reason(exchange));
    }

    static String statusAfter(Throwable failure, int attempt) {
        if (BrazeErrors.isRetrySafe(failure)) {
            return attempt >= MAX_ATTEMPTS ? "FAILED" : "PENDING";
        }
        if (failure instanceof BrazeTransportException
            || failure instanceof BrazeApiException api && api.getStatusCode() == 504) {
            return "IN_DOUBT";
        }
        return "REJECTED";
    }
}
