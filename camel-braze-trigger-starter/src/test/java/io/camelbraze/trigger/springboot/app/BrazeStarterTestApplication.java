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
package io.camelbraze.trigger.springboot.app;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application as a user would write it: the starter on the classpath, the key and instance in
 * {@code application.yml}, a Java route here and a YAML route in {@code classpath:routes/welcome.camel.yaml}.
 */
@SpringBootApplication
public class BrazeStarterTestApplication {

    /** Canvas id the Java route sends to. */
    public static final String JAVA_CANVAS_ID = "cv-java";
    /** Campaign id the YAML route sends to (see welcome.camel.yaml). */
    public static final String YAML_CAMPAIGN_ID = "cp-yaml";

    public static void main(String[] args) {
        SpringApplication.run(BrazeStarterTestApplication.class, args);
    }

    @Bean
    RouteBuilder javaWelcomeRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:java-welcome").routeId("java-welcome")
                        .to("braze-trigger:canvas?canvasId=" + JAVA_CANVAS_ID);
            }
        };
    }
}
