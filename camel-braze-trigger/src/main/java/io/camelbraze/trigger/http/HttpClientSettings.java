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
package io.camelbraze.trigger.http;

import javax.net.ssl.SSLContext;

/**
 * What the HTTP client needs from the endpoint configuration, resolved (base URI chosen, SSL context built).
 */
public record HttpClientSettings(
        String baseUri,
        String apiKey,
        long connectTimeoutMillis,
        long requestTimeoutMillis,
        SSLContext sslContext,
        String proxyHost,
        Integer proxyPort,
        int maxTotalConnections,
        int connectionsPerRoute) {

    @Override
    public String toString() {
        return "HttpClientSettings[baseUri=" + baseUri + ", apiKey=****]";
    }
}
