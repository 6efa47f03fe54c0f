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
 * The YAML DSL file route, the same route sending through the braze-canvas-sink Kamelet from the component jar, and the
 * braze-campaign-sink Kamelet.
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
    void yamlRouteSendsOneCanvasPerRowAndRejectsTheInvalidRow() throws Exception {
        assertFileRoute("orders-yaml", "orders-file-yaml");
    }

    @Test
    void kameletRouteSendsOneCanvasPerRowAndRejectsTheInvalidRow() throws Exception {
        assertFileRoute("orders-kamelet", "orders-kamelet");
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

    private void assertFileRoute(String folderName, String routeId) throws Exception {
        Path folder = environment.filesFolder(folderName);
        SampleData.dropOrders(folder.resolve("inbox"));

        await("the CSV is in done/", () -> fileNames(folder.resolve("done")).contains(SampleData.ORDERS_FILE));

        braze.assertCanvasTriggered(CANVAS).times(SampleData.ORDERS_VALID);
        braze.assertCanvasTriggered(CANVAS).forExternalUserId("customer-42")
                .withContext("order_id", "A-1004").withAttribute("first_name", "Margaret").times(1);
        List<String> rejects = Files.readAllLines(folder.resolve("rejects").resolve(SampleData.ORDERS_FILE + ".rejects.txt"));
        assertThat(rejects).singleElement().asString().startsWith(SampleData.ORDERS_FILE + " row 3: ").contains("A-1003");
        assertThat(ledger.exchanges(routeId) + rejects.size()).isEqualTo(SampleData.ORDERS_VALID + SampleData.ORDERS_INVALID);
    }
}
