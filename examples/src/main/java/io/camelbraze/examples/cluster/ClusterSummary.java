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
package io.camelbraze.examples.cluster;

import java.time.Duration;
import java.util.function.Consumer;

/** Prints what each node sent, the totals from Braze's side, and the figures of the kill and of the budget. */
public final class ClusterSummary {

    private ClusterSummary() {
    }

    public static void print(Consumer<String> out, ClusterSettings settings, ClusterFigures figures, boolean settled) {
        out.accept("=============================== Cluster summary ===============================");
        figures.nodes().forEach((node, sent) -> {
            out.accept(node + (sent.killed() ? " (killed with SIGKILL)" : "") + ":");
            sent.files().forEach((file, what) -> out.accept("  " + file + ": " + what));
            out.accept(String.format("  queue: %,d events in %d batched requests", sent.events(), sent.eventRequests()));
        });
        out.accept(String.format("Braze received %,d requests: %,d accepted, %d answered 429 (%.2f %%), %d refused otherwise",
                                 figures.requests(), figures.acceptedRequests(), figures.rateLimited(),
                                 100 * figures.rateLimitedShare(),
                                 figures.requests() - figures.acceptedRequests() - figures.rateLimited()));
        out.accept(String.format("Recipients: %,d of %,d accepted at least once, %d missing; %d accepted twice"
                                 + " (%d file requests and %d queue events; at most %d file requests and %d queue messages"
                                 + " can be in flight on a node)",
                                 figures.acceptedRecipients(), figures.expectedRecipients(), figures.missingRecipients(),
                                 figures.duplicatedRecipients(), figures.duplicatedFileRequests(), figures.duplicatedEvents(),
                                 settings.fileRequestsInFlightBound(), settings.queueMessagesInFlightBound()));
        if (figures.takeover() != null) {
            out.accept(String.format("Takeover: another node led the SFTP drop %s after the kill and Braze accepted its first"
                                     + " request of the file %s after it; duplicates all from requests in flight at the"
                                     + " kill: %s", seconds(figures.leaderAfterKill()), seconds(figures.takeover()),
                                     figures.duplicatesAllInFlightAtKill() ? "yes" : "NO"));
        }
        out.accept(String.format("Budget: %d requests per %s for the workspace; %,d accepted in %d windows: %.1f %% of the"
                                 + " budget used (%.1f %% counting the %d windows of the takeover; the first and last"
                                 + " windows, partial, left out); accepted per window %s", settings.budget(),
                                 seconds(settings.window()), figures.acceptedInMeasured(), figures.measuredWindows(),
                                 100 * figures.budgetUse(), 100 * figures.budgetUseWithTakeover(),
                                 figures.takeoverWindows(), figures.acceptedPerWindow().values()));
        out.accept(String.format("Sending took %s from Braze's first request to its last accepted one.",
                                 seconds(figures.elapsed())));
        if (settled && figures.missingRecipients() == 0) {
            out.accept(String.format("Result: every one of the %,d recipients accounted for.", figures.expectedRecipients()));
        } else {
            out.accept(String.format("Result: %,d recipients NOT accepted%s.", figures.missingRecipients(),
                                     settled ? "" : " (timed out waiting)"));
        }
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
