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

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import io.camelbraze.trigger.test.FaultScript;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Issue 15, third row: a sequential {@code split} feeding a {@code batchSize=50} endpoint whose batches fail at once
 * (the workspace's rate-limit reset is an hour away, beyond {@code rateLimitMaxWait}). Each record is dead-lettered
 * with its {@link BrazeRateLimitException} and the split goes on to the next record and completes: no record is sent on
 * the stack of the one before (no StackOverflowError), none is left waiting.
 */
class SequentialSplitBatchFailureTest extends CamelTestSupport {

    private static final int RECORDS = 1000;

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder());

    private final Map<String, Throwable> deadLettered = new ConcurrentHashMap<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:split").routeId("split")
                        .errorHandler(deadLetterChannel("direct:dead").maximumRedeliveries(0))
                        .split(body())
                            .to("braze-trigger:canvas?canvasId=cv-split&batchSize=50&batchTimeout=10000&maxRetries=0&rateLimitMaxWait=1000")
                        .end();
                from("direct:dead").routeId("dead")
                        .process(e -> deadLettered.put(e.getMessage().getBody(Map.class).get("external_user_id").toString(),
                                e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)));
            }
        };
    }

    @Test
    void everyRecordIsDeadLetteredAndTheSplitCompletes() throws Exception {
        braze.script().rateLimited(FaultScript.UNLIMITED, 3600);
        List<Map<String, Object>> records = IntStream.range(0, RECORDS)
                .mapToObj(i -> Map.<String, Object>of("external_user_id", "s" + i)).toList();

        CompletableFuture<Exchange> split = template.asyncSend("direct:split", e -> e.getMessage().setBody(records));
        Exchange result;
        try {
            result = split.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            System.out.println(ThreadDump.all());
            fail("the split did not complete within 30 s: " + deadLettered.size() + " of " + RECORDS
                    + " records dead-lettered, " + braze.requestCount() + " request(s) to Braze");
            return;
        }

        assertThat(result.getException()).as("the split itself completes without failure").isNull();
        assertThat(deadLettered).as("every record dead-lettered").hasSize(RECORDS);
        assertThat(deadLettered.values()).as("each with the rate limit as its reason").allSatisfy(cause ->
                assertThat(cause).isInstanceOf(BrazeRateLimitException.class));
        assertThat(braze.requests()).as("Braze accepted nothing").isEmpty();
    }
}
