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
package com.example.orders;

import java.util.Map;

import io.camelbraze.trigger.test.FakeBrazeExtension;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The route test of the docs' "Testing your routes", in a project that uses the released jars. */
class OrderRouteTest extends CamelTestSupport {

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new OrderRoutes();
    }

    @Test
    void triggersTheOrderCanvas() {
        template.sendBody("direct:order", Map.of("customer_id", "42", "order_id", "A-1"));

        braze.assertCanvasTriggered("cv-1").forExternalUserId("42").withContext("order_id", "A-1").times(1);
    }
}
