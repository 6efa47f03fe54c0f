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
package io.camelbraze.trigger.benchmarks;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbraze.trigger.test.RecordedRequest;

/**
 * What the fake Braze received, counted instead of kept ({@code FakeBraze.builder().journalTo(counter)}): a million-row
 * send would otherwise fill the fake's journal. Optionally checks that recipients {@code u0 .. u<n-1>} were each accepted
 * exactly once. Requests to the Canvas {@value #WARM_UP_CANVAS} (a forked JVM's warm-up) are not counted.
 */
final class RequestCounter implements Consumer<RecordedRequest> {

    static final String WARM_UP_CANVAS = "cv-warm-up";

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong acceptedRecipients = new AtomicLong();
    private final AtomicLong largestRequest = new AtomicLong();
    private volatile String firstRefusal;
    private Ids ids;

    /** Counts so far. */
    record Snapshot(long requests, long accepted, long acceptedRecipients, long largestRequest, String firstRefusal) {

        long refused() {
            return requests - accepted;
        }
    }

    /** Recipient identifiers seen in accepted requests: which of u0 .. u<n-1> arrived, and how many twice. */
    record IdCheck(long distinct, long duplicates, long foreign) {
    }

    @Override
    public void accept(RecordedRequest request) {
        if (WARM_UP_CANVAS.equals(request.targetId())) {
            return;
        }
        requests.incrementAndGet();
        if (!request.accepted()) {
            if (firstRefusal == null) {
                firstRefusal = request.status() + " " + request.message();
            }
            return;
        }
        accepted.incrementAndGet();
        JsonNode recipients = request.json().path("recipients");
        acceptedRecipients.addAndGet(recipients.size());
        largestRequest.accumulateAndGet(recipients.size(), Math::max);
        Ids tracked = ids;
        if (tracked != null) {
            recipients.forEach(r -> tracked.mark(r.path("external_user_id").asText()));
        }
    }

    Snapshot snapshot() {
        return new Snapshot(requests.get(), accepted.get(), acceptedRecipients.get(), largestRequest.get(), firstRefusal);
    }

    /** Starts over, checking from now on that {@code u0 .. u<count-1>} are each accepted once. */
    synchronized void reset(int trackIds) {
        requests.set(0);
        accepted.set(0);
        acceptedRecipients.set(0);
        largestRequest.set(0);
        firstRefusal = null;
        ids = trackIds > 0 ? new Ids(trackIds) : null;
    }

    IdCheck idCheck() {
        Ids tracked = ids;
        return tracked == null ? null : tracked.check();
    }

    private static final class Ids {
        private final int count;
        private final BitSet seen;
        private long duplicates;
        private long foreign;

        Ids(int count) {
            this.count = count;
            this.seen = new BitSet(count);
        }

        synchronized void mark(String id) {
            int n = -1;
            if (id.startsWith("u")) {
                try {
                    n = Integer.parseInt(id, 1, id.length(), 10);
                } catch (NumberFormatException e) {
                    n = -1;
                }
            }
            if (n < 0 || n >= count) {
                foreign++;
            } else if (seen.get(n)) {
                duplicates++;
            } else {
                seen.set(n);
            }
        }

        synchronized IdCheck check() {
            return new IdCheck(seen.cardinality(), duplicates, foreign);
        }
    }
}
