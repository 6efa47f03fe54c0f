package io.camelbraze.trigger.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Thread-safe, ordered record of the requests the fake answered. */
final class RequestJournal {

    private final List<RecordedRequest> requests = new ArrayList<>();
    private int sequence;

    synchronized int nextSequence() {
        return ++sequence;
    }

    synchronized void add(RecordedRequest request) {
        requests.add(request);
        notifyAll();
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
