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
package io.camelbraze.trigger.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny java.net.http client for the tests: POSTs JSON to the fake. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final FakeBraze braze;

    Http(FakeBraze braze) {
        this.braze = braze;
    }

    HttpResponse<String> canvas(String json) {
        return post(BrazeEndpoint.CANVAS.path(), braze.apiKey(), json);
    }

    HttpResponse<String> campaign(String json) {
        return post(BrazeEndpoint.CAMPAIGN.path(), braze.apiKey(), json);
    }

    HttpResponse<String> post(String path, String apiKey, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(braze.baseUri() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Single quotes to double quotes, so JSON reads well in Java strings. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
