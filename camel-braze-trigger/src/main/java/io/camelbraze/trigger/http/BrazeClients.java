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

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

/**
 * The HTTP clients of one component: one per Braze workspace and host (API key, base URI) and connection settings,
 * shared by every endpoint that uses it, so that {@code toD} over a hundred Canvas ids uses one connection pool and one
 * set of I/O threads, and {@code maxTotalConnections} bounds the connections to the workspace, not to each endpoint. A
 * client is closed when the last endpoint using it lets it go.
 */
public final class BrazeClients {

    /**
     * What makes two endpoints' connections interchangeable. The TLS configuration counts by identity (the same
     * SSLContextParameters bean); the response timeout is set per request and is not part of it.
     */
    public record Key(String baseUri, String apiKey, Object tlsConfiguration, String proxyHost, Integer proxyPort,
                      long connectTimeoutMillis, int maxTotalConnections, int connectionsPerRoute) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && baseUri.equals(that.baseUri) && apiKey.equals(that.apiKey)
                   && tlsConfiguration == that.tlsConfiguration && java.util.Objects.equals(proxyHost, that.proxyHost)
                   && java.util.Objects.equals(proxyPort, that.proxyPort) && connectTimeoutMillis == that.connectTimeoutMillis
                   && maxTotalConnections == that.maxTotalConnections && connectionsPerRoute == that.connectionsPerRoute;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(baseUri, apiKey, System.identityHashCode(tlsConfiguration), proxyHost, proxyPort,
                    connectTimeoutMillis, maxTotalConnections, connectionsPerRoute);
        }

        @Override
        public String toString() {
            return "Key[" + baseUri + ", apiKey=****]";
        }
    }

    private final Map<Key, Shared> clients = new HashMap<>();

    /**
     * The shared client for {@code key}, created with {@code sslContext} if it does not exist yet.
     *
     * @param responseTimeoutMillis the lessee's response timeout, applied to each of its requests
     */
    public synchronized BrazeHttpClient lease(Key key, Supplier<SSLContext> sslContext, long responseTimeoutMillis) {
        Shared shared = clients.computeIfAbsent(key, k -> new Shared(new HttpClient5BrazeClient(new HttpClientSettings(
                k.baseUri(), k.apiKey(), k.connectTimeoutMillis(), responseTimeoutMillis, sslContext.get(), k.proxyHost(),
                k.proxyPort(), k.maxTotalConnections(), k.connectionsPerRoute()))));
        shared.leases++;
        return new Lease(key, shared, responseTimeoutMillis);
    }

    /** Clients currently open (one per workspace and settings). */
    public synchronized int openClients() {
        return clients.size();
    }

    /**
     * A lease ends: the client it came from is closed when its last lease ends. Released by identity, not by key: after
     * a context restart a new client may sit under the same key, and an old lease must never close it.
     */
    private synchronized void release(Key key, Shared leased) {
        if (leased.leases > 0 && --leased.leases == 0) {
            clients.remove(key, leased);
            leased.client.close();
        }
    }

    /** Closes every client (the component stops). */
    public synchronized void closeAll() {
        clients.values().forEach(shared -> {
            shared.leases = 0;
            shared.client.close();
        });
        clients.clear();
    }

    private static final class Shared {
        final HttpClient5BrazeClient client;
        int leases;

        Shared(HttpClient5BrazeClient client) {
            this.client = client;
        }
    }

    /** One endpoint's use of a shared client. */
    private final class Lease implements BrazeHttpClient {
        private final Key key;
        private final Shared shared;
        private final HttpClient5BrazeClient client;
        private final long responseTimeoutMillis;
        private boolean closed;

        Lease(Key key, Shared shared, long responseTimeoutMillis) {
            this.key = key;
            this.shared = shared;
            this.client = shared.client;
            this.responseTimeoutMillis = responseTimeoutMillis;
        }

        @Override
        public CompletableFuture<BrazeResponse> post(String path, byte[] jsonBody) {
            return client.post(path, jsonBody, responseTimeoutMillis);
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                release(key, shared);
            }
        }

        @Override
        public String toString() {
            return client.toString();
        }
    }
}
