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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.camelbraze.examples.routes.OrdersFileRoute;
import io.camelbraze.examples.run.SampleData;
import io.camelbraze.examples.run.SendLedger;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrdersFileRouteTest extends ExampleRouteTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new OrdersFileRoute();
    }

    @Test
    void sendsTheWholeFileAsOneExchangeSetsTheBadRowsAsideBesideItAndAReReadSendsNothingAgain() throws Exception {
        Path folder = environment.filesFolder(OrdersFileRoute.FOLDER);
        Path inbox = folder.resolve("inbox");
        SampleData.dropOrders(inbox);

        await("the CSV is in done/", () -> fileNames(folder.resolve("done")).contains(SampleData.ORDERS_FILE));

        // one exchange, streamed in requests of 50: 117 good rows as 50 + 50 + 17, each recipient exactly once
        assertThat(ledger.exchanges(OrdersFileRoute.ROUTE_ID)).isEqualTo(1);
        assertThat(braze.requests()).extracting(r -> r.recipients().size()).containsExactlyInAnyOrder(50, 50, 17);
        assertEachGoodRowAcceptedOnce();
        braze.assertCanvasTriggered(CANVAS).forExternalUserId("customer-17")
                .withContext("order_id", "A-1001").withContext("order_total", "42.50").withContext("currency", "EUR")
                .withAttribute("first_name", "Ada").times(1);
        braze.assertCanvasTriggered(CANVAS).forExternalUserId("customer-1120").withContext("order_id", "A-1120").times(1);

        // the bad rows, beside the input: exactly those, with their positions and reasons
        Path rejectsFile = inbox.resolve(SampleData.ORDERS_FILE + OrdersFileRoute.REJECTS_SUFFIX);
        RejectsAssertions.assertOrdersRejects(rejectsFile);

        // nothing lost: every row was sent or set aside, and the CSV left the inbox for done/
        assertThat(ledger.recipients(OrdersFileRoute.ROUTE_ID) + Files.readAllLines(rejectsFile).size())
                .isEqualTo(SampleData.ORDERS_ROWS);
        assertThat(fileNames(inbox)).containsExactly(SampleData.ORDERS_FILE + OrdersFileRoute.REJECTS_SUFFIX);
        assertThat(fileNames(folder.resolve("failed"))).isEmpty();

        // the same file read again (same name, same modification time): the repository knows all 3 requests
        Files.move(folder.resolve("done").resolve(SampleData.ORDERS_FILE), inbox.resolve(SampleData.ORDERS_FILE));
        await("the re-read CSV is in done/ again", () -> ledger.sends().size() == 2
                                                         && fileNames(folder.resolve("done")).contains(SampleData.ORDERS_FILE));

        SendLedger.Send reRead = ledger.sends().get(1);
        assertThat(reRead.skippedRequests()).isEqualTo(3);
        assertThat(reRead.recipients()).isZero();
        assertThat(braze.requests()).hasSize(3);
        assertEachGoodRowAcceptedOnce();
        // rewritten, not appended to
        RejectsAssertions.assertOrdersRejects(rejectsFile);
    }

    @Test
    void requestsBrazeAnswersWith5xxAreRetriedByTheComponentNotDropped() throws Exception {
        braze.script().serverError(2, 503);
        Path folder = environment.filesFolder(OrdersFileRoute.FOLDER);
        SampleData.dropOrders(folder.resolve("inbox"));

        await("the CSV is in done/", () -> fileNames(folder.resolve("done")).contains(SampleData.ORDERS_FILE));

        assertThat(braze.rejectedRequests()).hasSize(2);
        assertEachGoodRowAcceptedOnce();
        RejectsAssertions.assertOrdersRejects(folder.resolve("inbox").resolve(SampleData.ORDERS_FILE + OrdersFileRoute.REJECTS_SUFFIX));
    }

    @Test
    void aFileThatFailedHalfWayGoesToFailedAndMovedBackSendsOnlyTheRest() throws Exception {
        // one request answered 504: Braze may or may not have processed it, so the component doesn't retry it and the
        // exchange fails (the fake did not process it, as a gateway that gave up before forwarding would)
        braze.script().serverError(1, 504);
        Path folder = environment.filesFolder(OrdersFileRoute.FOLDER);
        Path inbox = folder.resolve("inbox");
        SampleData.dropOrders(inbox);

        await("the CSV is in failed/", () -> fileNames(folder.resolve("failed")).contains(SampleData.ORDERS_FILE));
        assertThat(Files.readString(folder.resolve("failed").resolve(SampleData.ORDERS_FILE + ".reason.txt")))
                .contains("504").contains("move the file back to inbox/");
        int acceptedBefore = braze.requests().size();
        assertThat(acceptedBefore).isLessThan(3);

        // the operator moves it back: the requests Braze accepted are skipped, the rest is sent
        Files.move(folder.resolve("failed").resolve(SampleData.ORDERS_FILE), inbox.resolve(SampleData.ORDERS_FILE));
        await("the CSV is in done/", () -> fileNames(folder.resolve("done")).contains(SampleData.ORDERS_FILE));

        assertThat(ledger.sends()).singleElement().satisfies(send -> {
            assertThat(send.skippedRequests()).isEqualTo(acceptedBefore);
            assertThat(send.requests()).isEqualTo(3 - acceptedBefore);
        });
        assertThat(braze.requests()).hasSize(3);
        assertEachGoodRowAcceptedOnce();
        RejectsAssertions.assertOrdersRejects(inbox.resolve(SampleData.ORDERS_FILE + OrdersFileRoute.REJECTS_SUFFIX));
    }

    private void assertEachGoodRowAcceptedOnce() {
        List<String> expected = RejectsAssertions.ordersValidCustomerIds();
        assertThat(braze.acceptedRecipients()).extracting(r -> r.externalUserId()).containsExactlyInAnyOrderElementsOf(expected);
    }
}
