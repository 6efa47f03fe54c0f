package io.camelbraze.examples.routes;

import io.camelbraze.trigger.BrazeTriggerException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.dataformat.csv.CsvDataFormat;

/**
 * File example: a CSV of orders dropped in {@code orders/inbox} becomes one Canvas send per row. The component maps each
 * flat row itself: {@code customer_id} is the recipient, the order columns its Canvas context, {@code first_name} an
 * attribute. A row Braze or the component refuses is appended, with the reason, to {@code orders/rejects/<file>.rejects.txt};
 * the CSV moves to {@code orders/done} only once every row was sent or rejected. The same route in YAML is
 * {@code routes/orders-file.camel.yaml}.
 */
public final class OrdersFileRoute extends RouteBuilder {

    public static final String ROUTE_ID = "orders-file";
    public static final String FOLDER = "orders";

    static final String CANVAS = "braze-trigger:canvas?canvasId={{braze.canvasId}}&externalIdField=customer_id"
                                 + "&contextFields=order_id,order_total,currency&attributeFields=first_name";
    /** One line per refused row: which file and data row, why, and the row itself. */
    static final String REJECT_LINE = "${file:name} row ${sum(${exchangeProperty.CamelSplitIndex},1)}: ${exception.message} | ${body}\n";

    @Override
    public void configure() {
        String rejects = "file:{{examples.workDir}}/" + FOLDER + "/rejects?fileName=${file:name}.rejects.txt&fileExist=Append";

        // retry a row only when Braze did not take it (429, 5xx, no connection); a row that still fails, is invalid or
        // that Braze refused goes to the rejects file, and the other rows go on
        onException(BrazeTriggerException.class)
                .retryWhile(BrazeErrors.retrySafeAtMost(2)).redeliveryDelay(500).backOffMultiplier(2)
                .handled(true)
                .setBody(simple(REJECT_LINE))
                .to(rejects);

        CsvDataFormat csv = new CsvDataFormat();
        csv.setUseMaps(true);

        from("file:{{examples.workDir}}/" + FOLDER + "/inbox?include=.*\\.csv&delay=500"
             + "&move=../done/${file:name}&moveFailed=../failed/${file:name}")
                .routeId(ROUTE_ID)
                .log("${file:name}: one Canvas send per order")
                .unmarshal(csv)
                .split(body())
                    .to(CANVAS)
                .end()
                .log("${file:name}: every row sent or rejected, moving it to done/");
    }
}
