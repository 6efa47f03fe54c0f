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

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import io.camelbraze.trigger.BrazeTransportException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * {@link BrazeHttpClient} on Apache HttpClient 5's async client (the stack camel-http brings), with a connection pool,
 * TLS from Camel's {@code SSLContextParameters}, an optional proxy, and no automatic retries (the producer decides what
 * may be sent again).
 */
public final class HttpClient5BrazeClient implements BrazeHttpClient {

    private static final String USER_AGENT = "camel-braze-trigger";

    private final URI baseUri;
    private final String authorization;
    private final CloseableHttpAsyncClient client;

    public HttpClient5BrazeClient(HttpClientSettings settings) {
        this.baseUri = URI.create(stripTrailingSlash(settings.baseUri()));
        this.authorization = "Bearer " + settings.apiKey();
        this.client = build(settings);
        this.client.start();
    }

    private static CloseableHttpAsyncClient build(HttpClientSettings settings) {
        PoolingAsyncClientConnectionManagerBuilder pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxTotalConnections())
                .setMaxConnPerRoute(settings.connectionsPerRoute())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                        // a pooled connection the server closed would otherwise fail the next request after it was written
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build());
        SSLContext sslContext = settings.sslContext();
        if (sslContext != null) {
            pool.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(sslContext).buildAsync());
        }
        PoolingAsyncClientConnectionManager connectionManager = pool.build();

        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(connectionManager)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(settings.requestTimeoutMillis()))
                        // waiting for a pooled connection sends nothing: HttpClient's default lease timeout (3 minutes)
                        // applies, and a lease that times out fails as safe to retry
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent(USER_AGENT);
        if (settings.proxyHost() != null) {
            builder.setProxy(new HttpHost(settings.proxyHost(), settings.proxyPort() == null ? 8080 : settings.proxyPort()));
        }
        return builder.build();
    }

    // requests on the wire, each with what tells whether it was written
    private final java.util.Map<CompletableFuture<BrazeResponse>, WriteTrackingProducer> inFlight =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public CompletableFuture<BrazeResponse> post(String path, byte[] jsonBody) {
        return post(path, jsonBody, 0);
    }

    /** As {@link #post(String, byte[])}, with this endpoint's response timeout (0: the client's default). */
    public CompletableFuture<BrazeResponse> post(String path, byte[] jsonBody, long responseTimeoutMillis) {
        CompletableFuture<BrazeResponse> result = new CompletableFuture<>();
        SimpleHttpRequest request = SimpleRequestBuilder.post(baseUri.resolve(baseUri.getPath() + path))
                .setBody(jsonBody, ContentType.APPLICATION_JSON)
                .addHeader("Authorization", authorization)
                .addHeader("Accept", "application/json")
                .build();
        if (responseTimeoutMillis > 0) {
            request.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(responseTimeoutMillis)).build());
        }
        WriteTrackingProducer producer = new WriteTrackingProducer(SimpleRequestProducer.create(request));
        inFlight.put(result, producer);
        result.whenComplete((response, error) -> inFlight.remove(result));
        try {
            client.execute(producer, SimpleResponseConsumer.create(), null, new FutureCallback<SimpleHttpResponse>() {
                @Override
                public void completed(SimpleHttpResponse response) {
                    result.complete(toBrazeResponse(response));
                }

                @Override
                public void failed(Exception ex) {
                    result.completeExceptionally(transportFailure(ex, producer.written()));
                }

                @Override
                public void cancelled() {
                    result.completeExceptionally(
                            new BrazeTransportException("The request to Braze was cancelled", null, producer.written()));
                }
            });
        } catch (RuntimeException e) {
            // e.g. the client was already shut down: nothing was written
            result.completeExceptionally(transportFailure(e, false));
        }
        return result;
    }

    private static BrazeResponse toBrazeResponse(SimpleHttpResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.putIfAbsent(header.getName(), header.getValue());
        }
        return new BrazeResponse(response.getCode(), headers, response.getBodyText());
    }

    /** Classifies a failure: was the request possibly delivered to Braze? */
    static BrazeTransportException transportFailure(Exception ex, boolean requestWritten) {
        boolean neverConnected = ex instanceof ConnectException || ex instanceof ConnectTimeoutException
                || ex instanceof HttpHostConnectException || ex instanceof UnknownHostException
                || ex instanceof NoRouteToHostException || ex instanceof SSLHandshakeException;
        boolean possiblyDelivered = requestWritten && !neverConnected;
        String what = ex instanceof java.net.SocketTimeoutException
                ? "Timed out waiting for Braze's response"
                : (neverConnected || !requestWritten ? "Could not connect to Braze" : "The connection to Braze failed");
        // the exception's own message names host and port at most; it never holds request data
        return new BrazeTransportException(what + ": " + ex.getClass().getSimpleName()
                                           + (ex.getMessage() == null ? "" : " " + ex.getMessage()), ex, possiblyDelivered);
    }

    private static String stripTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /**
     * Closes the client. A request still on the wire then ends with a BrazeTransportException: the client's own
     * shutdown may drop its callback, and a delivery waits for every request it put on the wire.
     */
    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
        inFlight.forEach((answer, producer) -> answer.completeExceptionally(new BrazeTransportException(
                "The HTTP client closed (the component stopped) before Braze answered", null, producer.written())));
    }

    @Override
    public String toString() {
        return "HttpClient5BrazeClient[" + baseUri + "]";
    }

    /**
     * Remembers whether the request body was handed to a connection: until then (pool lease, connect, TLS handshake) the
     * request provably never reached Braze and sending it again cannot duplicate a message.
     */
    private static final class WriteTrackingProducer implements AsyncRequestProducer {
        private final AsyncRequestProducer delegate;
        private final AtomicBoolean written = new AtomicBoolean();

        WriteTrackingProducer(AsyncRequestProducer delegate) {
            this.delegate = delegate;
        }

        boolean written() {
            return written.get();
        }

        @Override
        public void sendRequest(RequestChannel channel, HttpContext context) throws HttpException, IOException {
            // called before a connection is even leased: nothing has left this JVM yet
            delegate.sendRequest(channel, context);
        }

        @Override
        public boolean isRepeatable() {
            return delegate.isRepeatable();
        }

        @Override
        public void failed(Exception cause) {
            delegate.failed(cause);
        }

        @Override
        public int available() {
            return delegate.available();
        }

        @Override
        public void produce(DataStreamChannel channel) throws IOException {
            // the body goes onto an open connection: from here on Braze may receive the whole request
            written.set(true);
            delegate.produce(channel);
        }

        @Override
        public void releaseResources() {
            delegate.releaseResources();
        }
    }
}
