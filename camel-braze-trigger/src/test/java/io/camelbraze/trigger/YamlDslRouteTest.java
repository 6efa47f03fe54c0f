package io.camelbraze.trigger;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelbraze.trigger.test.FakeBrazeExtension;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The YAML DSL quick start of the README, as a low-code tool would write it, against the fake Braze. */
class YamlDslRouteTest extends CamelTestSupport {

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension();

    private static final String ROUTE = """
            - route:
                id: orders-yaml
                from:
                  uri: direct:orders
                  steps:
                    - to:
                        uri: braze-trigger:canvas
                        parameters:
                          canvasId: cv-yaml
                          externalIdField: customer_id
                          contextFields: order_id,total
                          attributeFields: first_name
            """;

    @Test
    void yamlRouteMapsAFlatRecord() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("orders.camel.yaml", ROUTE));

        Map<String, Object> row = new LinkedHashMap<>();
        row.put("customer_id", "42");
        row.put("order_id", "A-1");
        row.put("total", "79.99");
        row.put("first_name", "Alex");
        template.sendBody("direct:orders", row);

        braze.assertCanvasTriggered("cv-yaml").forExternalUserId("42").withContext("order_id", "A-1")
                .withContext("total", "79.99").withAttribute("first_name", "Alex").times(1);
    }
}
