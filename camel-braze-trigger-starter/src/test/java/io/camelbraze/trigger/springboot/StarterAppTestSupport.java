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
package io.camelbraze.trigger.springboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelbraze.trigger.springboot.app.BrazeStarterTestApplication;
import io.camelbraze.trigger.test.FakeBraze;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs {@link BrazeStarterTestApplication} on a random port against one fake Braze per JVM: only its base URI is given
 * to the application (as {@code camel.component.braze-trigger.base-uri}); the key and instance come from
 * {@code application.yml}. Helpers read the actuator endpoints over HTTP, as a Kubernetes probe would.
 */
@SpringBootTest(classes = BrazeStarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class StarterAppTestSupport {

    /** The fake Braze; it accepts only {@link FakeBraze#DEFAULT_API_KEY} and answers 401 to any other key. */
    static final FakeBraze BRAZE = new FakeBraze().start();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(BRAZE::stop, "fake-braze-stop"));
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void pointTheComponentAtTheFake(DynamicPropertyRegistry registry) {
        registry.add("camel.component.braze-trigger.base-uri", BRAZE::baseUri);
    }

    @BeforeEach
    void forgetEarlierRequests() {
        BRAZE.reset();
    }

    /** An actuator response: its HTTP status and JSON body. */
    record Actuator(int status, JsonNode body) {
    }

    /** GETs {@code /actuator/<path>}. */
    Actuator actuator(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/" + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Actuator(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
