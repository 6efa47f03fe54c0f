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

import io.camelbraze.trigger.BrazeTriggerConstants;
import io.camelbraze.trigger.BrazeTriggerException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * SFTP example, a bulk send: a partner drops batch files of recipients in Braze's field names, one JSON object a line
 * (newline-delimited JSON), in {@code /batches} on an SFTP server. Each file goes to Braze as <b>one exchange</b>: the
 * download lands in a local work file, which the component reads a line at a time and sends in requests of at most 50.
 * <ul>
 * <li><b>Bad lines set aside</b> ({@code invalidRecords=skip}): a recipient Braze would refuse is not sent and doesn't
 * stop the others; the route writes each one, with its position and reason, to {@code <file>.rejects.ndjson} beside the
 * input in {@code /batches}, where the partner dropped it ({@code exclude} keeps the consumer off those files).</li>
 * <li>A sent file moves to {@code /batches/.done} on the server; a file that can't be sent (unreadable, or Braze keeps
 * failing) moves to {@code /batches/.failed}, next to a {@code <file>.reason.txt}. Requests Braze already accepted are not
 * sent again on redelivery: the body is a file, read again from the top, and the component remembers on the exchange
 * which requests Braze took.</li>
 * </ul>
 * The cluster example runs the same route on every node, its consumer behind Camel's {@code master:} component (one node
 * reads the drop at a time) and its sends recorded in a shared idempotent repository: see
 * {@link #SftpBatchRoute(String, String)}.
 */
public final class SftpBatchRoute extends RouteBuilder {

    public static final String ROUTE_ID = "sftp-batches";
    public static final String REMOTE_DIR = "batches";
    /** Appended to the input's name for the rejects file beside it. */
    public static final String REJECTS_SUFFIX = ".rejects.ndjson";

    private static final String SERVER = "sftp://{{sftp.user}}@{{sftp.host}}:{{sftp.port}}/" + REMOTE_DIR;
    private static final String LOGIN = "password=RAW({{sftp.password}})&strictHostKeyChecking=no&useUserKnownHostsFile=false"
                                        + "&jschLoggingLevel=ERROR";

    private final String consumerPrefix;
    private final String sendOptions;

    /** The route as the single-node example runs it. */
    public SftpBatchRoute() {
        this("", "");
    }

    /**
     * @param consumerPrefix put before the {@code sftp:} consumer URI, e.g. {@code master:braze-sftp:} so that one node of
     *                       a cluster reads the drop at a time
     * @param sendOptions    appended to the {@code braze-trigger} endpoint's options, each starting with {@code &}, e.g.
     *                       an {@code idempotentRepository} shared by the nodes
     */
    public SftpBatchRoute(String consumerPrefix, String sendOptions) {
        this.consumerPrefix = consumerPrefix;
        this.sendOptions = sendOptions;
    }

    @Override
    public void configure() {
        // not handled: the consumer then moves the file to .failed; the reason goes next to it
        onException(BrazeTriggerException.class)
                .retryWhile(BrazeErrors.retrySafeAtMost(2)).redeliveryDelay(1000).backOffMultiplier(2)
                .logExhausted(false)
                .log(LoggingLevel.WARN, "${file:name} not sent, moving it to .failed: ${exception.message}")
                .setBody(simple("${exception.message}\n"))
                .to(SERVER + "/.failed?" + LOGIN + "&fileName=${file:name}.reason.txt");

        // localWorkDirectory: the download goes to a local file instead of memory, so a file of any size is read in
        // requests of 50 without ever being held whole
        from(consumerPrefix + SERVER + "?" + LOGIN + "&include=.*\\.ndjson&exclude=.*\\.rejects\\.ndjson&delay=500"
             + "&move=.done&moveFailed=.failed&localWorkDirectory={{examples.workDir}}/sftp-download")
                .routeId(ROUTE_ID)
                .log("${file:name}: the whole file as one exchange, sent in requests of 50")
                .to("braze-trigger:canvas?canvasId={{braze.canvasId}}&invalidRecords=skip" + sendOptions)
                .log("${file:name}: Braze accepted ${header.CamelBrazeRecipientCount} recipients in"
                     + " ${header.CamelBrazeRequestCount} requests; ${header.CamelBrazeRejectedCount} set aside")
                .filter(header(BrazeTriggerConstants.REJECTED_COUNT).isGreaterThan(0))
                    // one JSON line per rejected recipient, gathered and uploaded in one go (under a temporary name, so
                    // the partner never sees half a rejects file)
                    .split(header(BrazeTriggerConstants.REJECTED_RECORDS), AggregationStrategies.string())
                        .marshal().json(JsonLibrary.Jackson)
                        .transform(body().append("\n")) // not simple("${body}\n"): Simple trims line breaks
                    .end()
                    .to(SERVER + "?" + LOGIN + "&fileName=${file:name}" + REJECTS_SUFFIX
                        + "&tempFileName=${file:name}.rejects.tmp")
                    .log(LoggingLevel.WARN, "${file:name}: ${header.CamelBrazeRejectedCount} recipients set aside in"
                                            + " ${file:name}" + REJECTS_SUFFIX)
                .end()
                .log("${file:name}: every recipient sent or set aside, moving it to .done");
    }
}
