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
package io.camelbraze.trigger;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelbraze.trigger.test.FakeBrazeExtension;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A YAML DSL route, as a low-code tool would write it, against the fake Braze. */
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
