package io.camelbraze.examples.routes;

import java.util.List;

import io.camelbraze.trigger.BrazeTriggerException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * SFTP example: a partner drops JSON batch files (an array of recipients in Braze's field names) in {@code /batches} on
 * an SFTP server. Each file becomes Canvas sends for all its recipients; the component splits them into requests of at
 * most 50. A sent file moves to {@code /batches/.done} on the server; a file that can't be sent moves to
 * {@code /batches/.failed}, next to a {@code <file>.reason.txt}.
 */
public final class SftpBatchRoute extends RouteBuilder {

    public static final String ROUTE_ID = "sftp-batches";
    public static final String REMOTE_DIR = "batches";

    private static final String SERVER = "sftp://{{sftp.user}}@{{sftp.host}}:{{sftp.port}}/" + REMOTE_DIR;
    private static final String LOGIN = "password=RAW({{sftp.password}})&strictHostKeyChecking=no&useUserKnownHostsFile=false"
                                        + "&jschLoggingLevel=ERROR";

    @Override
    public void configure() {
        // not handled: the consumer then moves the file to .failed; the reason goes next to it. Chunks Braze already
        // accepted are not sent again on redelivery (the component remembers them on the exchange).
        onException(BrazeTriggerException.class)
                .retryWhile(BrazeErrors.retrySafeAtMost(2)).redeliveryDelay(1000).backOffMultiplier(2)
                .logExhausted(false)
                .log(LoggingLevel.WARN, "${file:name} not sent, moving it to .failed: ${exception.message}")
                .setBody(simple("${exception.message}\n"))
                .to(SERVER + "/.failed?" + LOGIN + "&fileName=${file:name}.reason.txt");

        from(SERVER + "?" + LOGIN + "&include=.*\\.json&delay=500&move=.done&moveFailed=.failed")
                .routeId(ROUTE_ID)
                .unmarshal().json(JsonLibrary.Jackson, List.class)
                .log("${file:name}: ${body.size} recipients")
                .to("braze-trigger:canvas?canvasId={{braze.canvasId}}")
                .log("${file:name}: ${header.CamelBrazeRecipientCount} recipients sent in ${header.CamelBrazeRequestCount}"
                     + " requests, moving it to .done");
    }
}
