package io.camelbraze.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.camelbraze.examples.routes.OrdersFileRoute;
import io.camelbraze.examples.run.SampleData;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrdersFileRouteTest extends ExampleRouteTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new OrdersFileRoute();
    }

    @Test
    void sendsOneCanvasPerRowRejectsTheInvalidRowAndMovesTheFileWhenAllRowsAreHandled() throws Exception {
        Path folder = environment.filesFolder(OrdersFileRoute.FOLDER);
        SampleData.dropOrders(folder.resolve("inbox"));

        await("the CSV is in done/", () -> fileNames(folder.resolve("done")).contains(SampleData.ORDERS_FILE));

        // what Braze received: one recipient per valid row, mapped from the flat record
        braze.assertCanvasTriggered(CANVAS).times(SampleData.ORDERS_VALID);
        braze.assertCanvasTriggered(CANVAS).forExternalUserId("customer-17")
                .withContext("order_id", "A-1001").withContext("order_total", "42.50").withContext("currency", "EUR")
                .withAttribute("first_name", "Ada").times(1);
        braze.assertCanvasTriggered(CANVAS).forExternalUserId("customer-89").withContext("order_id", "A-1008").times(1);
        assertThat(braze.requests()).allSatisfy(request -> assertThat(request.recipients()).hasSize(1));

        // what was rejected, and where: the row without a customer id, with the reason
        List<String> rejects = Files.readAllLines(folder.resolve("rejects").resolve(SampleData.ORDERS_FILE + ".rejects.txt"));
        assertThat(rejects).hasSize(SampleData.ORDERS_INVALID);
        assertThat(rejects.get(0)).startsWith(SampleData.ORDERS_FILE + " row 3: ").contains("external").contains("A-1003");

        // nothing lost: every row was sent or rejected, the inbox is empty
        assertThat(ledger.exchanges(OrdersFileRoute.ROUTE_ID) + rejects.size())
                .isEqualTo(SampleData.ORDERS_VALID + SampleData.ORDERS_INVALID);
        assertThat(fileNames(folder.resolve("inbox"))).noneMatch(name -> name.endsWith(".csv"));
        assertThat(fileNames(folder.resolve("failed"))).isEmpty();
    }

    @Test
    void rowsBrazeAnswersWith5xxAreRetriedNotDropped() throws Exception {
        braze.script().serverError(2, 503);
        Path folder = environment.filesFolder(OrdersFileRoute.FOLDER);
        SampleData.dropOrders(folder.resolve("inbox"));

        await("the CSV is in done/", () -> fileNames(folder.resolve("done")).contains(SampleData.ORDERS_FILE));

        braze.assertCanvasTriggered(CANVAS).times(SampleData.ORDERS_VALID);
        assertThat(braze.rejectedRequests()).hasSize(2);
        assertThat(Files.readAllLines(folder.resolve("rejects").resolve(SampleData.ORDERS_FILE + ".rejects.txt")))
                .hasSize(SampleData.ORDERS_INVALID);
    }
}
