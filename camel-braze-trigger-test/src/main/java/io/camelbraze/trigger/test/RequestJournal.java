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
package io.camelbraze.trigger.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Thread-safe, ordered record of the requests the fake answered, or a hand-over to a sink that keeps them elsewhere. */
final class RequestJournal {

    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Consumer<RecordedRequest> sink;
    private int sequence;

    /** @param sink receives each request instead of the journal, or {@code null} to keep them here */
    RequestJournal(Consumer<RecordedRequest> sink) {
        this.sink = sink;
    }

    synchronized int nextSequence() {
        return ++sequence;
    }

    void add(RecordedRequest request) {
        if (sink != null) {
            sink.accept(request);
            return;
        }
        synchronized (this) {
            requests.add(request);
            notifyAll();
        }
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    List<RecordedRequest> accepted() {
        return all().stream().filter(RecordedRequest::accepted).toList();
    }

    List<RecordedRequest> rejected() {
        return all().stream().filter(r -> !r.accepted()).toList();
    }

    synchronized void clear() {
        requests.clear();
        sequence = 0;
    }

    /** Waits until at least {@code count} requests were recorded; false on timeout. */
    synchronized boolean awaitCount(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requests.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
