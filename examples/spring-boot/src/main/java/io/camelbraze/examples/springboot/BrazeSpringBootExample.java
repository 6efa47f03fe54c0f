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
package io.camelbraze.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application that triggers Braze sends through {@code camel-braze-trigger-starter}: the component is
 * configured in {@code application.yml} ({@code camel.component.braze-trigger.*}); a Java route sends welcome Canvases,
 * a YAML route ({@code routes/upgrades.camel.yaml}) an upgrade campaign. {@link ExampleRunner} feeds both once and the
 * application exits; without {@code BRAZE_API_KEY} everything goes to an embedded fake Braze
 * ({@link EmbeddedFakeBrazeInitializer}).
 */
@SpringBootApplication
public class BrazeSpringBootExample {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(BrazeSpringBootExample.class, args)));
    }

    /** One welcome Canvas per signup, the record's fields mapped by the endpoint options. */
    @Bean
    RouteBuilder signupsRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:signups").routeId("signups")
                        .to("braze-trigger:canvas?canvasId={{example.canvas-id}}"
                            + "&externalIdField=customer_id&contextFields=plan,signup_source&attributeFields=first_name");
            }
        };
    }
}
