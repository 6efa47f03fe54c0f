package io.camelbraze.trigger.http;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one JSON request to Braze without blocking the caller. Kept behind an interface so the producer's delivery logic
 * does not depend on the HTTP library.
 */
public interface BrazeHttpClient extends AutoCloseable {

    /**
     * POSTs {@code jsonBody} to {@code path} (e.g. {@code /canvas/trigger/send}) under the client's base URI.
     *
     * @return a future completed with Braze's response, whatever its status, or completed exceptionally with a
     *         {@link io.camelbraze.trigger.BrazeTransportException} when no response was received
     */
    CompletableFuture<BrazeResponse> post(String path, byte[] jsonBody);

    @Override
    void close();
}
