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

import java.util.List;

import io.camelbraze.examples.routes.CampaignQueueRoute;
import io.camelbraze.examples.routes.OrdersFileRoute;
import io.camelbraze.examples.routes.OutboxRoute;
import io.camelbraze.examples.routes.SftpBatchRoute;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;

/** The example routes: four in Java, two in YAML (one of them through the {@code braze-canvas-sink} Kamelet). */
public final class ExampleRoutes {

    public static final String YAML_FILE_ROUTE = "routes/orders-file.camel.yaml";
    public static final String YAML_KAMELET_ROUTE = "routes/orders-kamelet.camel.yaml";

    private ExampleRoutes() {
    }

    public static List<RouteBuilder> javaRoutes() {
        return List.of(new OrdersFileRoute(), new CampaignQueueRoute(), new SftpBatchRoute(), new OutboxRoute());
    }

    public static void addAll(CamelContext context) throws Exception {
        for (RouteBuilder routes : javaRoutes()) {
            context.addRoutes(routes);
        }
        loadYaml(context, YAML_FILE_ROUTE);
        loadYaml(context, YAML_KAMELET_ROUTE);
    }

    /** Loads a YAML DSL file from the classpath, as {@code camel run} would load it from disk. */
    public static void loadYaml(CamelContext context, String classpathLocation) throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(PluginHelper.getResourceLoader(context).resolveResource("classpath:" + classpathLocation));
    }
}
