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

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelbraze.trigger.BrazeTriggerConstants;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Feeds the routes once at startup: each signup in {@code data/signups.json} to {@code direct:signups} (one Canvas
 * trigger per record), all upgrades in {@code data/upgrades.json} at once to {@code direct:upgrades} (one campaign
 * request); prints what Braze accepted and, once the application is ready, the readiness and liveness groups. The exit
 * code is 1 if a record was not sent.
 */
@Component
public class ExampleRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final TypeReference<List<Map<String, Object>>> RECORDS = new TypeReference<>() {
    };

    private final ProducerTemplate template;
    private final ObjectProvider<HealthEndpoint> health;
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> sent = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private volatile String readiness;
    private volatile String liveness;

    public ExampleRunner(ProducerTemplate template, ObjectProvider<HealthEndpoint> health) {
        this.template = template;
        this.health = health;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (Map<String, Object> signup : read("data/signups.json")) {
            send("direct:signups", "signup " + signup.get("customer_id"), signup);
        }
        List<Map<String, Object>> upgrades = read("data/upgrades.json");
        send("direct:upgrades", upgrades.size() + " upgrades", upgrades);

        System.out.println();
        System.out.println("Braze accepted " + sent.size() + " of " + (sent.size() + failed.size()) + " sends:");
        sent.forEach(line -> System.out.println("  sent    " + line));
        failed.forEach(line -> System.out.println("  FAILED  " + line));
    }

    /**
     * Prints the health groups once Spring Boot accepts traffic (after the runners): readiness is UP while Braze
     * accepts the key; liveness does not depend on Braze.
     */
    @EventListener
    public void printHealthGroups(AvailabilityChangeEvent<ReadinessState> event) {
        HealthEndpoint endpoint = health.getIfAvailable();
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && endpoint != null) {
            readiness = String.valueOf(endpoint.healthForPath("readiness").getStatus());
            liveness = String.valueOf(endpoint.healthForPath("liveness").getStatus());
            System.out.println("Health groups: readiness " + readiness + ", liveness " + liveness);
        }
    }

    /** The readiness group's status once the application accepted traffic. */
    public String readiness() {
        return readiness;
    }

    /** The liveness group's status once the application accepted traffic. */
    public String liveness() {
        return liveness;
    }

    private void send(String uri, String what, Object body) {
        Exchange result = template.send(uri, exchange -> exchange.getMessage().setBody(body));
        if (result.getException() != null) {
            failed.add(what + ": " + result.getException().getMessage());
        } else {
            Object dispatchId = result.getMessage().getHeader(BrazeTriggerConstants.DISPATCH_ID);
            Object recipients = result.getMessage().getHeader(BrazeTriggerConstants.RECIPIENT_COUNT);
            sent.add(what + " -> " + recipients + " recipient(s), dispatch id " + dispatchId);
        }
    }

    private List<Map<String, Object>> read(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return json.readValue(in, RECORDS);
        }
    }

    /** What Braze accepted, one line per send. */
    public List<String> sent() {
        return List.copyOf(sent);
    }

    /** The sends that failed, with the reason. */
    public List<String> failed() {
        return List.copyOf(failed);
    }

    @Override
    public int getExitCode() {
        return failed.isEmpty() ? 0 : 1;
    }
}
