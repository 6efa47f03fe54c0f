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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.camelbraze.trigger.delivery.AcceptedRequest;
import io.camelbraze.trigger.delivery.DeliveryListener;
import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import io.camelbraze.trigger.test.FaultScript;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue "Bulk sends": a whole file or result set through one exchange, read lazily in requests of 50, bad rows set aside,
 * nothing resent that Braze accepted. Routes against the fake Braze; timings belong to the benchmark.
 */
class BulkSendRouteTest extends CamelTestSupport {

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder());

    @TempDir
    Path dir;

    @BindToRegistry("repo")
    private final MemoryIdempotentRepository repository = new MemoryIdempotentRepository();

    private final AtomicInteger accepted = new AtomicInteger();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bulk").routeId("bulk")
                        .to("braze-trigger:canvas?canvasId=cv-bulk&externalIdField=id&contextFields=order&maxRetries=0");
                from("direct:skip").routeId("skip")
                        .to("braze-trigger:canvas?canvasId=cv-bulk&externalIdField=id&invalidRecords=skip&maxRetries=0");
                from("direct:once").routeId("once")
                        .to("braze-trigger:canvas?canvasId=cv-bulk&externalIdField=id&idempotentRepository=#repo"
                            + "&idempotentKey=${header.CamelFileName}&maxRetries=0");
                // a file consumer's body is a GenericFile: the file is streamed from disk, never read into memory first
                from("file:" + dir.resolve("drop") + "?include=.*\\.ndjson&delay=100&initialDelay=0").routeId("drop")
                        .to("braze-trigger:canvas?canvasId=cv-bulk&externalIdField=id&maxRetries=0")
                        .to("mock:dropped");
                from("direct:split").routeId("split").split(body())
                        .to("braze-trigger:canvas?canvasId=cv-split&batchSize=50&batchTimeout=10000");
            }
        };
    }

    @Override
    protected void doPostSetup() {
        context.getEndpoint("braze-trigger:canvas?canvasId=cv-bulk&externalIdField=id&contextFields=order&maxRetries=0",
                BrazeTriggerEndpoint.class).getListener().add(new DeliveryListener() {
                    @Override
                    public void requestAccepted(int recipients, long latencyMillis, AcceptedRequest result) {
                        accepted.addAndGet(recipients);
                    }
                });
    }

    private static Map<String, Object> row(int i) {
        return Map.of("id", "c" + i, "order", "o" + i);
    }

    /** A lazy Iterator (camel-csv lazyLoad, a streaming query) is read a request at a time, never whole. */
    @Test
    void aLazyIteratorIsSentInRequestsOf50WhileItIsRead() {
        int rows = 10_000;
        AtomicInteger produced = new AtomicInteger();
        AtomicInteger maxAhead = new AtomicInteger();
        Iterator<Map<String, Object>> lazy = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return produced.get() < rows;
            }

            @Override
            public Map<String, Object> next() {
                int ahead = produced.get() - accepted.get();
                maxAhead.accumulateAndGet(ahead, Math::max);
                return row(produced.getAndIncrement());
            }
        };
        Exchange exchange = template.send("direct:bulk", e -> e.getMessage().setBody(lazy));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(BrazeTriggerConstants.RECIPIENT_COUNT)).isEqualTo(rows);
        assertThat(exchange.getMessage().getHeader(BrazeTriggerConstants.REQUEST_COUNT)).isEqualTo(rows / 50);
        assertThat(braze.requests()).hasSize(rows / 50).allSatisfy(r -> assertThat(r.recipients()).hasSize(50));
        assertThat(braze.acceptedRecipients()).hasSize(rows);
        // held at once: the requests in flight (maxConcurrentRequests, 32 by default) and the one being filled
        assertThat(maxAhead.get()).as("records read ahead of Braze's answers").isLessThanOrEqualTo(33 * 50 + 50);
    }

    @Test
    void streamsNewlineDelimitedJsonAndJsonArraysFromTextStreamsAndFiles() throws Exception {
        String ndjson = IntStream.range(0, 120).mapToObj(i -> "{\"id\":\"n" + i + "\",\"order\":\"o\"}")
                .collect(Collectors.joining("\n"));
        Path file = Files.writeString(dir.resolve("rows.json"),
                IntStream.range(0, 70).mapToObj(i -> "{\"id\":\"f" + i + "\"}").collect(Collectors.joining(",", "[", "]")));

        assertThat(template.send("direct:bulk", e -> e.getMessage().setBody(ndjson)).getException()).isNull();
        assertThat(template.send("direct:bulk", e -> e.getMessage().setBody(file.toFile())).getException()).isNull();
        assertThat(template.send("direct:bulk", e -> e.getMessage().setBody(Files.newInputStream(file))).getException()).isNull();
        assertThat(template.send("direct:bulk", e -> e.getMessage().setBody(Stream.of(row(1), row(2)))).getException()).isNull();

        assertThat(braze.acceptedRecipients()).hasSize(120 + 70 + 70 + 2);
        assertThat(braze.requests()).extracting(r -> r.recipients().size()).containsExactlyInAnyOrder(50, 50, 20, 50, 20, 50, 20, 2);
    }

    /** invalidRecords=skip: the good rows go, each bad one is listed with its position, reason and content. */
    @Test
    void skipSendsTheGoodRowsAndListsTheBadOnes() {
        List<Map<String, Object>> rows = new ArrayList<>(IntStream.range(0, 50).mapToObj(BulkSendRouteTest::row).toList());
        Map<String, Object> bad = new HashMap<>(Map.of("order", "no id"));
        rows.set(7, bad);

        Exchange exchange = template.send("direct:skip", e -> e.getMessage().setBody(rows));

        assertThat(exchange.getException()).isNull();
        assertThat(braze.acceptedRecipients()).hasSize(49);
        assertThat(exchange.getMessage().getHeader(BrazeTriggerConstants.REJECTED_COUNT)).isEqualTo(1);
        List<?> rejected = exchange.getMessage().getHeader(BrazeTriggerConstants.REJECTED_RECORDS, List.class);
        assertThat(rejected).singleElement().isInstanceOfSatisfying(RejectedRecord.class, r -> {
            assertThat(r.getPosition()).isEqualTo(7);
            assertThat(r.getReason()).contains("recipients[7]").contains("id");
            assertThat(r.getRecord()).isEqualTo(bad);
        });
        assertThat(exchange.getMessage().getHeader(BrazeTriggerConstants.RECIPIENT_COUNT)).isEqualTo(49);
    }

    @Test
    void skipWorksOnStreamedInputAndTheRouteCanSplitTheRejects() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:skipAndSplit").to("direct:skip").split(header(BrazeTriggerConstants.REJECTED_RECORDS))
                        .setBody(simple("${body.position}: ${body.reason}")).to("mock:rejects");
            }
        });
        getMockEndpoint("mock:rejects").expectedBodiesReceived(
                "3: recipients[3]: record has no value in field 'id' (externalIdField)",
                "101: recipients[101]: record has no value in field 'id' (externalIdField)");
        String ndjson = IntStream.range(0, 150).mapToObj(i -> i == 3 || i == 101 ? "{\"name\":\"x\"}" : "{\"id\":\"s" + i + "\"}")
                .collect(Collectors.joining("\n"));

        Exchange exchange = template.send("direct:skipAndSplit", e -> e.getMessage().setBody(ndjson));

        assertThat(exchange.getException()).isNull();
        assertThat(braze.acceptedRecipients()).hasSize(148);
        getMockEndpoint("mock:rejects").assertIsSatisfied();
    }

    /** invalidRecords=fail on a stream: fails at the bad record, says what Braze accepted, a replay resumes after it. */
    @Test
    void failOnAStreamStopsAtTheBadRecordAndAReplayResumes() throws Exception {
        Path file = dir.resolve("batch.ndjson");
        List<String> lines = IntStream.range(0, 2000).mapToObj(i -> "{\"id\":\"c" + i + "\"}").collect(Collectors.toList());
        // past the first window: maxConcurrentRequests (32) requests of 50 are read before any is sent
        lines.set(1800, "{\"name\":\"no id\"}");
        Files.write(file, lines);

        Exchange exchange = template.send("direct:bulk", e -> e.getMessage().setBody(file.toFile()));

        assertThat(exchange.getException()).isInstanceOf(BrazeValidationException.class)
                .hasMessageContaining("recipients[1800]").hasMessageContaining("already accepted");
        int sentFirst = braze.acceptedRecipients().size();
        assertThat(sentFirst).isPositive().isLessThanOrEqualTo(1800);
        assertThat(exchange.getMessage().getHeader(BrazeTriggerConstants.RECIPIENT_COUNT)).isEqualTo(sentFirst);
        assertThat(exchange.getException()).hasMessageContaining("already accepted " + sentFirst + " recipient(s)");
        // a streamed input is not read past the failure: the records read and not accepted are counted
        assertThat(exchange.getMessage().getHeader(BrazeTriggerConstants.UNSENT_RECIPIENTS, Integer.class))
                .isPositive().isLessThanOrEqualTo(2000 - sentFirst);

        lines.set(1800, "{\"id\":\"c1800\"}");
        Files.write(file, lines, StandardCharsets.UTF_8);
        exchange.setException(null);
        Exchange replayed = template.send("direct:bulk", exchange);

        assertThat(replayed.getException()).isNull();
        Map<String, Long> times = braze.acceptedRecipients().stream()
                .collect(Collectors.groupingBy(r -> r.externalUserId(), Collectors.counting()));
        assertThat(times).hasSize(2000).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
    }

    /** An Iterator is read once: its redelivery says so, instead of "no recipients" as if nothing had been sent. */
    @Test
    void aConsumedIteratorRedeliveredSaysItCannotBeReadAgain() {
        AtomicInteger sent = new AtomicInteger();
        context.getEndpoint("braze-trigger:canvas?canvasId=cv-bulk&externalIdField=id&contextFields=order&maxRetries=0",
                BrazeTriggerEndpoint.class).getListener().add(new DeliveryListener() {
                    @Override
                    public void requestAccepted(int recipients, long latencyMillis, AcceptedRequest result) {
                        if (sent.incrementAndGet() == 1) {
                            braze.script().serverError(FaultScript.UNLIMITED, 503);
                        }
                    }
                });
        Iterator<Map<String, Object>> rows = IntStream.range(0, 120).mapToObj(BulkSendRouteTest::row).iterator();
        Exchange exchange = template.send("direct:bulk", e -> e.getMessage().setBody(rows));
        assertThat(exchange.getException()).isInstanceOf(BrazeApiException.class);

        braze.script().clear();
        exchange.setException(null);
        Exchange again = template.send("direct:bulk", exchange);
        assertThat(again.getException()).isInstanceOf(BrazeValidationException.class)
                .hasMessageContaining("read once").hasMessageContaining("accepted by Braze")
                .hasMessageNotContaining("a redelivery resumes after them");
    }

    /** idempotentRepository: the same input read again sends nothing Braze accepted before. */
    @Test
    void theSameFileReadAgainSendsNothingTwice() throws Exception {
        Path file = Files.writeString(dir.resolve("customers.json"),
                IntStream.range(0, 230).mapToObj(i -> "{\"id\":\"i" + i + "\"}").collect(Collectors.joining("\n")));

        Exchange first = template.send("direct:once", e -> {
            e.getMessage().setBody(file.toFile());
            e.getMessage().setHeader(Exchange.FILE_NAME, "customers.json");
        });
        Exchange second = template.send("direct:once", e -> {
            e.getMessage().setBody(file.toFile());
            e.getMessage().setHeader(Exchange.FILE_NAME, "customers.json");
        });

        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getHeader(BrazeTriggerConstants.SKIPPED_REQUESTS)).isEqualTo(0);
        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(BrazeTriggerConstants.SKIPPED_REQUESTS)).isEqualTo(5);
        assertThat(braze.requests()).hasSize(5);
        assertThat(braze.acceptedRecipients()).hasSize(230);
    }

    @Test
    void aFileConsumersGenericFileIsStreamedInRequestsOf50() throws Exception {
        org.apache.camel.component.mock.MockEndpoint dropped = getMockEndpoint("mock:dropped");
        dropped.expectedMessageCount(1);
        Path drop = Files.createDirectories(dir.resolve("drop"));
        Path written = Files.writeString(dir.resolve("customers.tmp"),
                IntStream.range(0, 130).mapToObj(i -> "{\"id\":\"g" + i + "\"}").collect(Collectors.joining("\n")));
        Files.move(written, drop.resolve("customers.ndjson"));

        dropped.assertIsSatisfied(20_000);

        Exchange exchange = dropped.getReceivedExchanges().get(0);
        assertThat(exchange.getMessage().getBody()).isInstanceOf(org.apache.camel.component.file.GenericFile.class);
        assertThat(exchange.getMessage().getHeader(BrazeTriggerConstants.RECIPIENT_COUNT)).isEqualTo(130);
        assertThat(braze.requests()).extracting(r -> r.recipients().size()).containsExactlyInAnyOrder(50, 50, 30);
        assertThat(braze.acceptedRecipients()).hasSize(130);
    }

    /** batchSize never waits on an idle connection: a sequential split goes at once, row after row. */
    @Test
    void aSequentialSplitWithBatchSizeIsNotHeldByTheBatchTimeout() {
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("split").whenDone(1).create();
        template.sendBody("direct:split", IntStream.range(0, 30).mapToObj(i -> Map.of("external_user_id", "q" + i)).toList());
        // with the batch timeout of 10 s per row, the old batcher needed 300 s
        assertThat(done.matches(15, TimeUnit.SECONDS)).isTrue();
        assertThat(braze.acceptedRecipients()).hasSize(30);
    }

    /** Whatever is thrown while mapping, even an Error, completes the exchange with it. */
    @Test
    void anErrorThrownWhileMappingCompletesTheExchange() {
        Exchange exchange = template.send("direct:bulk", e -> e.getMessage().setBody(new Exploding()));
        assertThat(exchange.getException()).hasRootCauseInstanceOf(AssertionError.class);

        Iterator<Object> failing = new Iterator<>() {
            int n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Object next() {
                if (++n > 120) {
                    throw new OutOfMemoryError("simulated");
                }
                return row(n);
            }
        };
        Exchange streamed = template.send("direct:bulk", e -> e.getMessage().setBody(failing));
        assertThat(streamed.getException()).hasRootCauseInstanceOf(OutOfMemoryError.class);
    }

    /** A bean whose getter throws an Error. */
    public static final class Exploding {
        public String getId() {
            throw new AssertionError("simulated");
        }
    }
}
