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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.camelbraze.examples.routes.CampaignQueueRoute;
import io.camelbraze.examples.routes.SftpBatchRoute;
import io.camelbraze.trigger.test.RecordedRequest;

/**
 * The figures of a cluster run, from the fake Braze's journal (what Braze received and answered: the ground truth) and
 * the nodes' reports (who sent what).
 *
 * <p><b>Use of the budget</b> is the requests Braze accepted over the requests the budget allowed, {@code budget} per
 * window, counted per rate-limit window of the fake's clock, over every window of the run, the nodes' cold start
 * included, but the first and the last (the run starts and ends inside them) and the windows the takeover after a kill
 * overlaps (from the kill to the first request of the taken-over file: no node may read files then). The same ratio
 * counting the takeover's windows is {@link #budgetUseWithTakeover()}.
 */
public record ClusterFigures(int expectedRecipients, int acceptedRecipients, int missingRecipients,
                             int duplicatedRecipients, int duplicatedFileRequests, int duplicatedEvents,
                             boolean duplicatesAllInFlightAtKill, int requests, int acceptedRequests, int rateLimited,
                             Map<Long, Long> acceptedPerWindow, int measuredWindows, long acceptedInMeasured,
                             double budgetUse, int takeoverWindows, double budgetUseWithTakeover, Duration elapsed,
                             Duration leaderAfterKill, Duration takeover,
                             Map<String, NodeFigures> nodes) {

    /** A request sent just before the SIGKILL may reach Braze a little after it: this much is allowed for. */
    static final Duration KILL_SLACK = Duration.ofMillis(200);

    /** What one node sent, from its report. */
    public record NodeFigures(boolean killed, Map<String, String> files, int events, int eventRequests) {
    }

    public double rateLimitedShare() {
        return requests == 0 ? 0 : (double) rateLimited / requests;
    }

    static ClusterFigures of(ClusterSettings settings, Workload workload, List<RecordedRequest> journal,
                             Map<String, List<NodeReport.Event>> reports, Optional<ClusterRun.Kill> kill) {
        Set<String> expected = workload.expectedRecipients();
        List<RecordedRequest> accepted = journal.stream().filter(RecordedRequest::accepted).toList();
        Map<String, RecordedRequest> firstAcceptance = new HashMap<>();
        Map<String, Integer> acceptances = new HashMap<>();
        for (RecordedRequest request : accepted) {
            request.recipients().forEach(recipient -> {
                String id = recipient.path("external_user_id").asText();
                acceptances.merge(id, 1, Integer::sum);
                firstAcceptance.putIfAbsent(id, request);
            });
        }
        int missing = (int) expected.stream().filter(id -> !acceptances.containsKey(id)).count();
        List<String> duplicated = acceptances.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        int duplicatedFileRequests = (int) duplicated.stream().filter(id -> workload.fileOf(id) != null)
                .map(id -> firstAcceptance.get(id).sequence()).distinct().count();
        int duplicatedEvents = (int) duplicated.stream().filter(id -> workload.fileOf(id) == null).count();
        Instant latestInFlight = kill.map(k -> k.at().plus(KILL_SLACK)).orElse(Instant.MIN);
        boolean allInFlight = duplicated.stream().allMatch(id -> !firstAcceptance.get(id).receivedAt().isAfter(latestInFlight));

        Optional<Instant> leaderAt = kill.flatMap(k -> reports.values().stream().flatMap(List::stream)
                .filter(e -> "reading".equals(e.kind()) && k.file().equals(e.input()) && e.at() > k.at().toEpochMilli())
                .map(e -> Instant.ofEpochMilli(e.at())).min(Comparator.naturalOrder()));
        Optional<Instant> resumedAt = kill.flatMap(k -> leaderAt.flatMap(at -> accepted.stream()
                .filter(r -> !r.receivedAt().isBefore(at) && k.file().equals(workload.fileOf(r)))
                .map(RecordedRequest::receivedAt).min(Comparator.naturalOrder())));

        long windowMillis = settings.window().toMillis();
        TreeMap<Long, Long> perWindow = new TreeMap<>();
        accepted.forEach(r -> perWindow.merge(r.receivedAt().toEpochMilli() / windowMillis, 1L, Long::sum));
        int measured = 0;
        long inMeasured = 0;
        int takeoverWindows = 0;
        long inTakeover = 0;
        if (!perWindow.isEmpty()) {
            long takeoverFrom = kill.map(k -> k.at().toEpochMilli() / windowMillis).orElse(Long.MAX_VALUE);
            long takeoverTo = resumedAt.map(at -> at.toEpochMilli() / windowMillis).orElse(takeoverFrom);
            for (long window = perWindow.firstKey() + 1; window < perWindow.lastKey(); window++) {
                long inWindow = perWindow.getOrDefault(window, 0L);
                if (window >= takeoverFrom && window <= takeoverTo) {
                    takeoverWindows++;
                    inTakeover += inWindow;
                } else {
                    measured++;
                    inMeasured += inWindow;
                }
            }
        }
        double use = measured == 0 ? 0 : (double) inMeasured / ((long) measured * settings.budget());
        int withTakeover = measured + takeoverWindows;
        double useWithTakeover = withTakeover == 0 ? 0
                : (double) (inMeasured + inTakeover) / ((long) withTakeover * settings.budget());
        Duration elapsed = accepted.isEmpty() ? Duration.ZERO
                : Duration.between(journal.get(0).receivedAt(), accepted.get(accepted.size() - 1).receivedAt());

        return new ClusterFigures(expected.size(), (int) expected.stream().filter(acceptances::containsKey).count(), missing,
                                  duplicated.size(), duplicatedFileRequests, duplicatedEvents, allInFlight,
                                  journal.size(), accepted.size(),
                                  (int) journal.stream().filter(r -> r.status() == 429).count(), perWindow, measured,
                                  inMeasured, use, takeoverWindows, useWithTakeover, elapsed,
                                  kill.flatMap(k -> leaderAt.map(at -> Duration.between(k.at(), at))).orElse(null),
                                  kill.flatMap(k -> resumedAt.map(at -> Duration.between(k.at(), at))).orElse(null),
                                  nodeFigures(reports, kill));
    }

    private static Map<String, NodeFigures> nodeFigures(Map<String, List<NodeReport.Event>> reports,
                                                        Optional<ClusterRun.Kill> kill) {
        Map<String, NodeFigures> nodes = new LinkedHashMap<>();
        reports.forEach((node, events) -> {
            Map<String, String> files = new LinkedHashMap<>();
            List<String> dispatchIds = new ArrayList<>();
            int eventCount = 0;
            for (NodeReport.Event e : events) {
                if ("sent".equals(e.kind()) && SftpBatchRoute.ROUTE_ID.equals(e.route())) {
                    files.put(e.input(), String.format("%,d recipients in %d requests%s", e.recipients(), e.requests(),
                                                       e.skipped() > 0 ? ", " + e.skipped() + " skipped as sent before" : ""));
                } else if ("sent".equals(e.kind()) && CampaignQueueRoute.ROUTE_ID.equals(e.route())) {
                    eventCount += e.recipients();
                    if (e.dispatchId() != null) {
                        dispatchIds.add(e.dispatchId());
                    }
                }
            }
            boolean killed = kill.map(k -> k.node().equals(node)).orElse(false);
            kill.filter(k -> k.node().equals(node))
                    .ifPresent(k -> files.put(k.file(), "killed while sending it (" + k.acceptedRequestsOfFile()
                                                        + " of its requests accepted by then)"));
            nodes.put(node, new NodeFigures(killed, files, eventCount, (int) dispatchIds.stream().distinct().count()));
        });
        return nodes;
    }
}
