package io.camelbraze.trigger.delivery;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

import io.camelbraze.trigger.http.BrazeHttpClient;

/**
 * Everything a delivery needs that lives as long as the endpoint's producer.
 *
 * @param client      the HTTP transport (shared by the endpoints of one workspace)
 * @param path        the trigger path, e.g. {@code /canvas/trigger/send}
 * @param scope       where requests go (path and workspace), so that progress recorded for one target never counts for another
 * @param interpreter turns responses into results or exceptions
 * @param policy      retry and wait limits
 * @param scheduler   runs delayed sends (backoff, rate-limit waits) without parking a thread per request
 * @param completions runs completion work off the HTTP client's I/O threads, so the route continues on a Camel thread
 * @param pending     the component's bound on requests waiting or in flight
 * @param active      this producer's unfinished deliveries, completed with an exception when it stops
 * @param listener    statistics and metrics
 * @param clock       epoch milliseconds
 */
public record DeliveryContext(
        BrazeHttpClient client,
        String path,
        String scope,
        ResponseInterpreter interpreter,
        DeliveryPolicy policy,
        ScheduledExecutorService scheduler,
        Executor completions,
        PendingRequests pending,
        ActiveDeliveries active,
        DeliveryListener listener,
        LongSupplier clock) {
}
