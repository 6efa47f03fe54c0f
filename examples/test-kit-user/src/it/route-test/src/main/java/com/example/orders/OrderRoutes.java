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

import org.apache.camel.builder.RouteBuilder;

/** A user's route: each order triggers the order Canvas for its customer. */
public class OrderRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:order")
                .to("braze-trigger:canvas?canvasId=cv-1&externalIdField=customer_id&contextFields=order_id");
    }
}
