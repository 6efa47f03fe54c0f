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
package io.camelbraze.trigger.quarkus.it;

import io.camelbraze.trigger.BrazeValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;

/**
 * The application's Java routes. Camel Quarkus finds this RouteBuilder at build time; the key and instance come from
 * application.properties ({@code camel.component.braze-trigger.*}), never from these URIs.
 */
@ApplicationScoped
public class BrazeRoutes extends RouteBuilder {

    @Inject
    RejectedSignups rejectedSignups;

    @Override
    public void configure() {
        // one recipient (or a full request) in the body, the Canvas from configuration
        from("direct:welcome").routeId("welcome")
                .to("braze-trigger:canvas?canvasId={{braze.canvas-id}}");

        // the recipient from headers: the customer id from a header, the trigger properties from the body (a Map)
        from("direct:coupon").routeId("coupon")
                .setHeader("CamelBrazeExternalUserId", header("customerId"))
                .setHeader("CamelBrazeContext", body())
                .setBody(constant((Object) null))
                .to("braze-trigger:campaign?campaignId={{braze.campaign-id}}");

        // flat records (rows from a file or a table); a record Braze would refuse is set aside with its reason
        from("direct:signups").routeId("signups")
                .onException(BrazeValidationException.class)
                    .handled(true)
                    .process(rejectedSignups)
                .end()
                .to("braze-trigger:canvas?canvasId={{braze.canvas-id}}&externalIdField=customer_id&contextFields=plan");
    }
}
