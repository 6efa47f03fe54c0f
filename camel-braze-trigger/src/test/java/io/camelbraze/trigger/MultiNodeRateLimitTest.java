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
package io.camelbraze.trigger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.camelbraze.trigger.ratelimit.RateLimitBucket;
import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import io.camelbraze.trigger.test.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several nodes on one workspace (issue 8, item 14): four independent CamelContexts, as four JVMs would be, each with its
 * own braze-trigger component (hence its own rate-limit state), send to ONE fake Braze that allows 100 requests per
 * 2-second window. Braze's {@code X-RateLimit-Remaining} is the workspace's, so each node must notice that it shares the
 * budget and take only its share. Proof: nothing lost, at most 2% of requests answered 429, and at least 90% of the
 * allowed rate used in full windows. The figures are counts per window of the fake's own journal, not timings.
 */
class MultiNodeRateLimitTest {

    private static final int NODES = 4;
    // enough for 16 windows: a cold start takes about three windows to share the budget out (each node starts at 1/16 of
    // the limit), and nodes run out of records at different times at the end
    private static final int RECORDS_PER_NODE = 400;
    private static final int LIMIT = 100;
    private static final Duration WINDOW = Duration.ofSeconds(2);

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder().rateLimited(LIMIT, WINDOW).lowercaseHeaders());

    private final List<CamelContext> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(CamelContext::stop);
    }

    private CamelContext startNode(int index, AtomicInteger failures) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("node-" + index);
        context.addComponent("braze-trigger", new BrazeTriggerComponent());
        braze.configure(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).process(e -> failures.incrementAndGet());
                from("seda:records?concurrentConsumers=16&size=" + RECORDS_PER_NODE)
                        // rateLimitMaxWait is a total per request: the last records wait about 32 s for their window
                        .to("braze-trigger:campaign?campaignId=cmp-1&maxRetries=5&rateLimitMaxWait=60000").routeId("records");
            }
        });
        context.start();
        nodes.add(context);
        return context;
    }

    @Test
    void fourNodesShareOneWorkspaceWithoutDrawing429s() throws Exception {
        AtomicInteger failures = new AtomicInteger();
        List<NotifyBuilder> done = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            CamelContext node = startNode(i, failures);
            done.add(new NotifyBuilder(node).fromRoute("records").whenDone(RECORDS_PER_NODE).create());
        }
        for (int i = 0; i < NODES; i++) {
            ProducerTemplate template = nodes.get(i).createProducerTemplate();
            for (int r = 0; r < RECORDS_PER_NODE; r++) {
                template.sendBody("seda:records", Map.of("external_user_id", "n" + i + "-" + r));
            }
        }
        for (NotifyBuilder node : done) {
            assertThat(node.matches(120, TimeUnit.SECONDS)).as("every record of every node done").isTrue();
        }

        int records = NODES * RECORDS_PER_NODE;
        long requests = braze.allRequests().size();
        long rateLimited = braze.rejectedRequests().stream().filter(r -> r.status() == 429).count();
        TreeMap<Long, Long> acceptedPerWindow = braze.requests().stream().collect(Collectors.groupingBy(
                r -> r.receivedAt().toEpochMilli() / WINDOW.toMillis(), TreeMap::new, Collectors.counting()));
        TreeMap<Long, Long> rateLimitedPerWindow = braze.rejectedRequests().stream().filter(r -> r.status() == 429)
                .collect(Collectors.groupingBy(r -> r.receivedAt().toEpochMilli() / WINDOW.toMillis(), TreeMap::new,
                        Collectors.counting()));
        // the first and last windows are partial by construction; every window in between counts
        Map<Long, Long> fullWindows = acceptedPerWindow.subMap(acceptedPerWindow.firstKey(), false,
                acceptedPerWindow.lastKey(), false);
        long usedInFullWindows = fullWindows.values().stream().mapToLong(Long::longValue).sum();
        double utilisation = fullWindows.isEmpty() ? 1.0 : (double) usedInFullWindows / (fullWindows.size() * LIMIT);
        // the windows in which every node still had records to send (a node's last request is in its last window)
        long lastSaturated = braze.allRequests().stream().collect(Collectors.groupingBy(
                        r -> r.recipients().get(0).path("external_user_id").asText().split("-")[0],
                        Collectors.mapping(r -> r.receivedAt().toEpochMilli() / WINDOW.toMillis(), Collectors.maxBy(Long::compare))))
                .values().stream().mapToLong(w -> w.orElseThrow()).min().orElseThrow();
        Map<Long, Long> saturated = acceptedPerWindow.subMap(acceptedPerWindow.firstKey(), false, lastSaturated, false);
        double saturatedUtilisation = saturated.isEmpty() ? 1.0
                : (double) saturated.values().stream().mapToLong(Long::longValue).sum() / (saturated.size() * LIMIT);
        long distinctRecipients = braze.requests().stream().flatMap(r -> r.recipients().stream())
                .map(recipient -> recipient.path("external_user_id").asText()).distinct().count();
        StringBuilder shares = new StringBuilder();
        for (CamelContext node : nodes) {
            RateLimitBucket.Snapshot state = node.getComponent("braze-trigger", BrazeTriggerComponent.class)
                    .getRateLimits().bucketsFor(braze.baseUri(), braze.apiKey()).forSend(false).snapshot();
            shares.append(String.format(" %.2f", state.share()));
        }
        System.out.printf("Multi-node pacing, %d CamelContexts sharing %d requests per %s: %d records, %d accepted requests"
                          + " (%d distinct recipients), %d exchanges failed, %d requests in all, %d answered 429 (%.2f%%),"
                          + " accepted per window %s, 429 per window %s, utilisation of full windows %.1f%% (%.1f%% while"
                          + " every node had records waiting), final shares%s%n", NODES, LIMIT, WINDOW, records,
                braze.requests().size(), distinctRecipients, failures.get(), requests, rateLimited,
                100.0 * rateLimited / requests, acceptedPerWindow.values(), rateLimitedPerWindow, 100 * utilisation,
                100 * saturatedUtilisation, shares);

        if (rateLimited > requests * 2 / 100) {
            // the journal, to see where the 429s came from: window, time into the window, status, recipient
            System.out.println("Journal: " + braze.allRequests().stream()
                    .map(r -> r.receivedAt().toEpochMilli() / WINDOW.toMillis() % 1000 + ":"
                              + r.receivedAt().toEpochMilli() % WINDOW.toMillis() + ":" + r.status() + ":"
                              + r.recipients().stream().map(n -> n.path("external_user_id").asText()).findFirst().orElse("?"))
                    .collect(Collectors.joining(" ")));
        }
        assertThat(failures).as("exchanges failed").hasValue(0);
        assertThat(braze.requests()).as("accepted requests: one per record, none lost").hasSize(records);
        assertThat(distinctRecipients).as("every record accepted once").isEqualTo(records);
        assertThat(braze.requests()).extracting(RecordedRequest::accepted).containsOnly(true);
        assertThat(rateLimited).as("requests answered 429").isLessThanOrEqualTo(requests * 2 / 100);
        assertThat(fullWindows).as("the run spans full windows").isNotEmpty();
        assertThat(utilisation).as("share of the allowed rate used in full windows").isGreaterThanOrEqualTo(0.9);
    }
}
