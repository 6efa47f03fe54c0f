package io.camelbraze.trigger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batches at a route stop and completion of batch members (issue "Delivery correctness", items 4 and 7).
 */
class ShutdownTest extends CamelTestSupport {

    private static final String BATCHED = "braze-trigger:canvas?canvasId=cv-stop&batchSize=50&batchTimeout=600000&maxRetries=0";

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder());

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:orders?concurrentConsumers=10").routeId("orders").to(BATCHED);
            }
        };
    }

    /** A gathering batch (its timeout ten minutes away) is sent when the route stops, and its exchanges succeed. */
    @Test
    void aGatheringBatchIsSentWhenTheRouteStopsAndItsExchangesSucceed() throws Exception {
        braze.script().delay(1, Duration.ofMillis(300));
        List<CompletableFuture<Exchange>> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            orders.add(template.asyncSend("seda:orders", e -> e.getMessage().setBody(Map.of("external_user_id", "s" + n))));
        }
        braze.awaitRequests(1, Duration.ofSeconds(10));

        context.getRouteController().stopRoute("orders", 30, TimeUnit.SECONDS);

        for (CompletableFuture<Exchange> order : orders) {
            assertThat(order.get(10, TimeUnit.SECONDS).getException()).isNull();
        }
        assertThat(braze.acceptedRecipients()).hasSize(5);
    }

    /** One member whose callback throws does not keep the other members of its batch from completing. */
    @Test
    void aThrowingCallbackLeavesTheOtherBatchMembersCompleted() throws Exception {
        braze.script().delay(1, Duration.ofMillis(300));
        AsyncProducer producer = context.getEndpoint(BATCHED).createAsyncProducer();
        producer.start();
        List<String> completed = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = "m" + i;
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(Map.of("external_user_id", id));
            producer.process(exchange, doneSync -> {
                if (id.equals("m2")) {
                    throw new IllegalStateException("a broken callback");
                }
                completed.add(id);
            });
        }
        braze.awaitRequests(2, Duration.ofSeconds(10));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (completed.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(completed).containsExactlyInAnyOrder("m0", "m1", "m3");
        producer.stop();
    }
}
