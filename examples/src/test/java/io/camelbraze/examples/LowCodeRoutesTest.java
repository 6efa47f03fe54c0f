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

import io.camelbraze.examples.run.SampleData;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML DSL file route (a bulk send, like its Java twin), the file route sending one row at a time through the
 * braze-canvas-sink Kamelet from the component jar, and the braze-campaign-sink Kamelet.
 */
class LowCodeRoutesTest extends ExampleRouteTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // loaded as camel run would load them
        ExampleRoutes.loadYaml(context, ExampleRoutes.YAML_FILE_ROUTE);
        ExampleRoutes.loadYaml(context, ExampleRoutes.YAML_KAMELET_ROUTE);
        return context;
    }

    @Test
    void yamlRouteSendsTheWholeFileAsOneExchangeWritesTheRejectsBesideItAndAReReadSendsNothingAgain() throws Exception {
        Path folder = environment.filesFolder("orders-yaml");
        Path inbox = folder.resolve("inbox");
        SampleData.dropOrders(inbox);

        await("the CSV is in done/", () -> fileNames(folder.resolve("done")).contains(SampleData.ORDERS_FILE));

        assertThat(ledger.exchanges("orders-file-yaml")).isEqualTo(1);
        assertThat(braze.requests()).extracting(r -> r.recipients().size()).containsExactlyInAnyOrder(50, 50, 17);
        assertThat(braze.acceptedRecipients()).extracting(r -> r.externalUserId())
                .containsExactlyInAnyOrderElementsOf(RejectsAssertions.ordersValidCustomerIds());
        braze.assertCanvasTriggered(CANVAS).forExternalUserId("customer-42")
                .withContext("order_id", "A-1004").withAttribute("first_name", "Margaret").times(1);
        Path rejectsFile = inbox.resolve(SampleData.ORDERS_FILE + ".rejects.ndjson");
        RejectsAssertions.assertOrdersRejects(rejectsFile);
        assertThat(ledger.recipients("orders-file-yaml") + Files.readAllLines(rejectsFile).size())
                .isEqualTo(SampleData.ORDERS_ROWS);

        // read again: the MemoryIdempotentRepository declared in the YAML knows every request
        Files.move(folder.resolve("done").resolve(SampleData.ORDERS_FILE), inbox.resolve(SampleData.ORDERS_FILE));
        await("the re-read CSV is in done/ again", () -> ledger.sends().size() == 2
                                                         && fileNames(folder.resolve("done")).contains(SampleData.ORDERS_FILE));
        assertThat(ledger.sends().get(1).skippedRequests()).isEqualTo(3);
        assertThat(braze.requests()).hasSize(3);
        RejectsAssertions.assertOrdersRejects(rejectsFile);
    }

    @Test
    void kameletRouteSendsOneCanvasPerRowAndRejectsTheInvalidRows() throws Exception {
        Path folder = environment.filesFolder("orders-kamelet");
        SampleData.dropOrders(folder.resolve("inbox"));

        await("the CSV is in done/", () -> fileNames(folder.resolve("done")).contains(SampleData.ORDERS_FILE));

        braze.assertCanvasTriggered(CANVAS).times(SampleData.ORDERS_VALID);
        assertThat(braze.requests()).allSatisfy(request -> assertThat(request.recipients()).hasSize(1));
        braze.assertCanvasTriggered(CANVAS).forExternalUserId("customer-42")
                .withContext("order_id", "A-1004").withAttribute("first_name", "Margaret").times(1);
        List<String> rejects = Files.readAllLines(folder.resolve("rejects").resolve(SampleData.ORDERS_FILE + ".rejects.txt"));
        assertThat(rejects).hasSize(SampleData.ORDERS_INVALID);
        assertThat(rejects.get(0)).startsWith(SampleData.ORDERS_FILE + " row 3: ").contains("A-1003");
        assertThat(ledger.exchanges("orders-kamelet") + rejects.size()).isEqualTo(SampleData.ORDERS_ROWS);
    }

    @Test
    void campaignSinkKameletSendsTriggerProperties() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // no apiKey: the Kamelet uses the component's
                from("direct:campaign").to("kamelet:braze-campaign-sink?campaignId={{braze.campaignId}}&instance=US-01");
            }
        });

        template.sendBody("direct:campaign", SampleData.QUEUE_MESSAGES.get(0));

        braze.assertCampaignTriggered(CAMPAIGN).forExternalUserId("customer-17")
                .withTriggerProperty("coupon_code", "SUMMER-10").times(1);
    }
}
