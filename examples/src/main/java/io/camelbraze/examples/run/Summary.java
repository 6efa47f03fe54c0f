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
package io.camelbraze.examples.run;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.RecordedRequest;

/** Formats the end-of-run summary: per source what was read, sent and rejected (and where to), then Braze's side. */
public final class Summary {

    private static final int SHOWN_DISPATCH_IDS = 5;

    private Summary() {
    }

    /** One progress line: handled/seeded per source. */
    public static String progress(List<SourceReport> reports) {
        return reports.stream()
                .map(r -> r.source() + " " + r.handled() + "/" + r.seeded() + (r.complete() ? " ✓" : ""))
                .collect(Collectors.joining(", ", "progress: ", ""));
    }

    public static void print(Consumer<String> out, String target, List<SourceReport> reports, SendLedger ledger,
                             FakeBraze fake, boolean timedOut) {
        out.accept("==================================== Summary ====================================");
        out.accept("Braze: " + target);
        out.accept(String.format("%-17s %-13s %5s %5s %9s  %s", "source", "unit", "read", "sent", "rejected",
                                 "rejected records went to"));
        for (SourceReport r : reports) {
            out.accept(String.format("%-17s %-13s %5d %5d %9d  %s", r.source(), r.unit(), r.seeded(), r.sent(),
                                     r.rejected(), r.rejected() == 0 ? "-" : r.rejectedTo()));
        }
        out.accept("Sent, per source:");
        reports.forEach(r -> out.accept("  " + r.source() + ": " + r.sentDetail()));
        out.accept("Requests Braze accepted: " + ledger.totalRequests() + "; recipients per request: "
                   + recipientsPerRequest(ledger, fake));
        List<String> ids = ledger.dispatchIds();
        out.accept("Dispatch ids (" + Math.min(SHOWN_DISPATCH_IDS, ids.size()) + " of " + ids.size() + "): "
                   + String.join(", ", ids.subList(0, Math.min(SHOWN_DISPATCH_IDS, ids.size()))));
        out.accept("Rejected records and why:");
        reports.forEach(r -> r.rejectReasons().forEach(reason -> out.accept("  " + r.source() + ": " + reason)));
        if (fake != null) {
            out.accept("The fake Braze received " + fake.requestCount() + " requests: " + fake.requests().size()
                       + " accepted, " + fake.rejectedRequests().size() + " refused.");
        }
        int seeded = reports.stream().mapToInt(SourceReport::seeded).sum();
        int sent = reports.stream().mapToInt(SourceReport::sent).sum();
        int rejected = reports.stream().mapToInt(SourceReport::rejected).sum();
        int unaccounted = reports.stream().mapToInt(SourceReport::unaccounted).sum();
        if (!timedOut && unaccounted == 0) {
            out.accept("Result: all " + seeded + " records accounted for (" + sent + " sent, " + rejected
                       + " rejected with a reason); nothing lost.");
        } else {
            out.accept("Result: " + unaccounted + " of " + seeded + " records neither sent nor rejected"
                       + (timedOut ? " (timed out waiting)" : "") + ": LOST or still in progress.");
        }
    }

    /** "1 ×20, 50 ×2, 20 ×1": exact from the fake's recordings, else derived from each exchange's counts. */
    static String recipientsPerRequest(SendLedger ledger, FakeBraze fake) {
        Map<Integer, Integer> histogram = new TreeMap<>();
        if (fake != null) {
            for (RecordedRequest request : fake.requests()) {
                histogram.merge(request.recipients().size(), 1, Integer::sum);
            }
        } else {
            for (SendLedger.Send send : ledger.sends()) {
                int left = send.recipients();
                for (int i = 0; i < send.requests(); i++) {
                    int size = Math.min(50, left);
                    histogram.merge(size, 1, Integer::sum);
                    left -= size;
                }
            }
        }
        return histogram.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
    }
}
