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
package io.camelbraze.trigger.batch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;
import io.camelbraze.trigger.delivery.ExchangeCompletion;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientBatcherTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final DefaultCamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() throws Exception {
        scheduler.shutdownNow();
        context.close();
    }

    private static TriggerRequest request(String user) {
        return TriggerRequest.canvas("cv-1").withRecipients(List.of(Recipient.externalUserId(user)));
    }

    /** A sender that throws fails the whole batch: a throwing callback keeps neither the others nor the next batch waiting. */
    @Test
    void aThrowingCallbackOfAFailedBatchLeavesTheOthersCompletedAndTheKindFree() {
        AtomicInteger sends = new AtomicInteger();
        List<Runnable> inFlight = new CopyOnWriteArrayList<>();
        AtomicLong clock = new AtomicLong(1_000_000);
        // Braze answers in 100 ms: a batch lingers 5 ms for partners once a request slot is free
        RecipientBatcher batcher = new RecipientBatcher(new BatchDeparture(50, 60_000, () -> 100), 1, template -> false,
                scheduler, clock::get, (merged, members, whenDone) -> {
            if (sends.incrementAndGet() == 2) {
                throw new IllegalStateException("the sender broke");
            }
            inFlight.add(whenDone);
        });
        List<String> completed = new CopyOnWriteArrayList<>();
        Exchange first = new DefaultExchange(context);
        batcher.add(request("a"), first, returned(doneSync -> completed.add("a"))); // goes at once: nothing of its kind in flight
        for (String user : List.of("b", "c", "d")) { // gather behind it
            batcher.add(request(user), new DefaultExchange(context), returned(doneSync -> {
                if (user.equals("b")) {
                    throw new IllegalStateException("a broken callback");
                }
                completed.add(user);
            }));
        }

        clock.addAndGet(10);
        inFlight.get(0).run(); // the first request ends: the gathered batch (lingered enough) goes, and its sender throws

        assertThat(completed).containsExactly("c", "d");
        assertThat(sends).hasValue(2);
        batcher.add(request("e"), new DefaultExchange(context), returned(doneSync -> completed.add("e")));
        assertThat(sends).as("the next exchange of the kind goes at once: nothing is in flight, and the sender that came"
                             + " back (e) was the only one expected").hasValue(3);
    }

    /** The completion of an exchange whose process() has returned false, as the producer hands it to the batcher. */
    private static ExchangeCompletion returned(org.apache.camel.AsyncCallback callback) {
        ExchangeCompletion completion = new ExchangeCompletion(callback);
        completion.processReturning();
        return completion;
    }
}
