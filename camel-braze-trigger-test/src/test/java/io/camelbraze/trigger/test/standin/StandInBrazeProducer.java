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
package io.camelbraze.trigger.test.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelbraze.trigger.test.BrazeEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/** Posts {@code {"<id field>": id, "recipients": [<message body as a recipient map>]}} with java.net.http. */
final class StandInBrazeProducer extends DefaultProducer {

    /** Header the producer sets to Braze's HTTP status. */
    static final String STATUS = "StandInBrazeStatus";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final BrazeEndpoint target;
    private final String id;
    private final String baseUri;
    private final String apiKey;

    StandInBrazeProducer(Endpoint endpoint, BrazeEndpoint target, String id, String baseUri, String apiKey) {
        super(endpoint);
        this.target = target;
        this.id = id;
        this.baseUri = baseUri;
        this.apiKey = apiKey;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Map<?, ?> recipient = exchange.getMessage().getMandatoryBody(Map.class);
        String body = JSON.writeValueAsString(Map.of(target.idField(), id, "recipients", List.of(recipient)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri + target.path()))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        exchange.getMessage().setHeader(STATUS, response.statusCode());
    }
}
