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

import javax.sql.DataSource;

import io.camelbraze.trigger.BrazeTriggerConstants;
import io.camelbraze.trigger.BrazeTriggerException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.dataformat.csv.CsvDataFormat;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

/**
 * File example, a bulk send: a CSV of orders dropped in {@code orders/inbox} goes to Braze as <b>one exchange</b>. The CSV
 * is read lazily (camel-csv {@code lazyLoad}, one {@code Map} per row) and the component sends it in requests of 50
 * recipients as it reads, mapping each flat row itself: {@code customer_id} is the recipient, the order columns its Canvas
 * context, {@code first_name} an attribute.
 * <ul>
 * <li><b>Bad rows set aside</b> ({@code invalidRecords=skip}): a row Braze would refuse is not sent and doesn't stop the
 * others; the route writes each one, with its position and reason, to {@code <file>.rejects.ndjson} beside the input in
 * {@code orders/inbox}.</li>
 * <li><b>Nothing sent twice</b> ({@code idempotentRepository}): every request Braze accepted is recorded in a
 * {@link JdbcMessageIdRepository} (table {@code CAMEL_MESSAGEPROCESSED} in the examples' database), keyed by the file's
 * name and modification time plus the request's content. The same file read again (after a crash, or moved back from
 * {@code failed/} or {@code done/}) sends only what Braze had not accepted.</li>
 * <li><b>Failures</b>: 429, 5xx and connections never made are retried by the component ({@code maxRetries}, default 3).
 * A file that still can't be sent moves to {@code orders/failed}, next to a {@code <file>.reason.txt}; move it back to the
 * inbox once the cause is fixed and only the rest is sent. The route does not redeliver itself: its body is a lazy
 * iterator, read once.</li>
 * </ul>
 * The CSV moves to {@code orders/done} once every row was sent or set aside. The same route in YAML is
 * {@code routes/orders-file.camel.yaml}.
 */
public final class OrdersFileRoute extends RouteBuilder {

    public static final String ROUTE_ID = "orders-file";
    public static final String FOLDER = "orders";
    /** Registry name of the idempotent repository. */
    public static final String REPOSITORY = "ordersSentRequests";
    /** Appended to the input's name for the rejects file beside it. */
    public static final String REJECTS_SUFFIX = ".rejects.ndjson";

    static final String CANVAS = "braze-trigger:canvas?canvasId={{braze.canvasId}}&externalIdField=customer_id"
                                 + "&contextFields=order_id,order_total,currency&attributeFields=first_name"
                                 + "&invalidRecords=skip"
                                 + "&idempotentRepository=#" + REPOSITORY
                                 + "&idempotentKey=${header.CamelFileName}-${header.CamelFileLastModified}";

    @Override
    public void configure() {
        // camel-sql's JDBC repository, in the database the outbox example uses (embedded H2 unless examples.jdbcUrl says
        // otherwise): a database is what outlives a crash of this JVM and can be shared by several nodes
        DataSource database = getCamelContext().getRegistry().lookupByNameAndType(OutboxRoute.DATA_SOURCE, DataSource.class);
        if (database == null) {
            throw new IllegalStateException("OrdersFileRoute needs a DataSource bound as '" + OutboxRoute.DATA_SOURCE + "'");
        }
        bindToRegistry(REPOSITORY, new JdbcMessageIdRepository(database, ROUTE_ID));

        String folder = "{{examples.workDir}}/" + FOLDER;

        // not handled: the file consumer moves the CSV to failed/, and the reason goes next to it
        onException(BrazeTriggerException.class)
                .logExhausted(false)
                .log(LoggingLevel.WARN, "${file:name} failed, moving it to failed/: ${exception.message}")
                .setBody(simple("${exception.message}\nOnce the cause is fixed, move the file back to inbox/: the"
                                + " idempotent repository skips every request Braze already accepted."))
                .to("file:" + folder + "/failed?fileName=${file:name}.reason.txt");

        CsvDataFormat csv = new CsvDataFormat();
        csv.setUseMaps(true);
        csv.setLazyLoad(true);

        from("file:" + folder + "/inbox?include=.*\\.csv&delay=500"
             + "&move=../done/${file:name}&moveFailed=../failed/${file:name}")
                .routeId(ROUTE_ID)
                .log("${file:name}: the whole file as one exchange, read row by row and sent in requests of 50")
                .unmarshal(csv)
                .to(CANVAS)
                .log("${file:name}: Braze accepted ${header.CamelBrazeRecipientCount} recipients in"
                     + " ${header.CamelBrazeRequestCount} requests; ${header.CamelBrazeRejectedCount} rows set aside;"
                     + " ${header.CamelBrazeSkippedRequests} requests skipped as sent before")
                .filter(header(BrazeTriggerConstants.REJECTED_COUNT).isGreaterThan(0))
                    // one JSON line per rejected row: {"position":…,"field":…,"reason":…,"record":{the row}}, gathered
                    // and written in one go, so the rejects file is never half written and a re-read replaces it
                    .split(header(BrazeTriggerConstants.REJECTED_RECORDS), AggregationStrategies.string())
                        .marshal().json(JsonLibrary.Jackson)
                        .transform(body().append("\n")) // not simple("${body}\n"): Simple trims line breaks
                    .end()
                    .to("file:" + folder + "/inbox?fileName=${file:name}" + REJECTS_SUFFIX
                        + "&tempFileName=${file:name}.rejects.tmp")
                    .log(LoggingLevel.WARN, "${file:name}: ${header.CamelBrazeRejectedCount} rows set aside in"
                                            + " ${file:name}" + REJECTS_SUFFIX)
                .end()
                .log("${file:name}: every row sent or set aside, moving it to done/");
    }
}
