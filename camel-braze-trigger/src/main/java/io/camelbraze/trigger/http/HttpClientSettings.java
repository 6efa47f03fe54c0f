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
