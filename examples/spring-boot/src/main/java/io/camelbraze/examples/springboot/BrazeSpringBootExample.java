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
