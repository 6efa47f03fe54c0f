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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;
import io.camelbraze.trigger.delivery.ExchangeCompletion;
import io.camelbraze.trigger.ratelimit.ManualScheduler;
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

    /**
     * Synchronous senders (a JMS consumer's threads) send their next record when their last one's answer comes. When 50
     * of 60 senders that were answered are back, their batch leaves full; the 10 still coming back are still expected,
     * so their batch leaves as soon as the last of them is back, not after a linger.
     */
    @Test
    void afterAFullBatchOfReturnersLeftTheRemainingReturnersLeaveAsSoonAsTheyAreAllBack() {
        ManualScheduler time = new ManualScheduler(1_000_000);
        List<Sent> sent = new ArrayList<>();
        // Braze answers in 1 s: a batch lingers 50 ms, and waits for returners up to 250 ms
        RecipientBatcher batcher = new RecipientBatcher(new BatchDeparture(50, 60_000, () -> 1000), 4, template -> false,
                time, time::now, (merged, members, whenDone) -> sent.add(new Sent(members.size(), whenDone)));
        batcher.add(request("u0"), new DefaultExchange(context), returned(doneSync -> { })); // alone: nothing in flight
        for (int i = 1; i <= 59; i++) {
            batcher.add(request("u" + i), new DefaultExchange(context), returned(doneSync -> { }));
        }
        time.advanceBy(50); // the partial batch lingered enough
        assertThat(sent).extracting(Sent::members).containsExactly(1, 50, 9);
        sent.forEach(request -> request.whenDone().run()); // all answered: 60 senders come back

        for (int i = 0; i < 50; i++) {
            batcher.add(request("v" + i), new DefaultExchange(context), returned(doneSync -> { }));
        }
        assertThat(sent).as("the first 50 back fill a batch").extracting(Sent::members).endsWith(50);
        for (int i = 50; i < 60; i++) {
            assertThat(sent).as("a returner is still to come").hasSize(4);
            batcher.add(request("v" + i), new DefaultExchange(context), returned(doneSync -> { }));
        }

        assertThat(sent).as("the last returner is back: its batch leaves at once, at " + time.now())
                .extracting(Sent::members).containsExactly(1, 50, 9, 50, 10);
    }

    /**
     * Endpoints with a context per message make a kind per record. Kinds idle longer than the batch timeout are forgotten,
     * so the batcher keeps about as many as were used within it; looking for them costs a constant per record however
     * many kinds are kept.
     */
    @Test
    void thousandsOfKindsUsedOnceAreForgottenWithoutLookingAtEveryKindOnEachRecord() {
        ManualScheduler time = new ManualScheduler(1_000_000);
        int records = 20_000;
        long batchTimeout = 200;
        RecipientBatcher batcher = new RecipientBatcher(new BatchDeparture(50, batchTimeout, () -> 10), 4, template -> false,
                time, time::now, (merged, members, whenDone) -> {
            whenDone.run(); // Braze answers at once
            members.forEach(RecipientBatcher.Member::done);
        });
        int mostKept = 0;
        for (int i = 0; i < records; i++) {
            // a context of its own: a kind of its own
            TriggerRequest ofItsOwnKind = TriggerRequest.canvas("cv-1").withContext(Map.of("record", i))
                    .withRecipients(List.of(Recipient.externalUserId("u" + i)));
            batcher.add(ofItsOwnKind, new DefaultExchange(context), returned(doneSync -> { }));
            mostKept = Math.max(mostKept, batcher.kindsKept());
            time.advanceBy(1);
        }

        long usedWithinTheTimeout = batchTimeout + 1;
        assertThat(mostKept).as("kinds kept: about those used within the batch timeout").isLessThanOrEqualTo(
                (int) (2 * usedWithinTheTimeout + 32));
        assertThat(batcher.kindsLookedAt()).as("kinds looked at to forget the idle ones, for " + records + " records")
                .isLessThanOrEqualTo(3L * records);
    }

    private record Sent(int members, Runnable whenDone) {
    }

    /** The completion of an exchange whose process() has returned false, as the producer hands it to the batcher. */
    private static ExchangeCompletion returned(org.apache.camel.AsyncCallback callback) {
        ExchangeCompletion completion = new ExchangeCompletion(callback);
        completion.processReturning();
        return completion;
    }
}
