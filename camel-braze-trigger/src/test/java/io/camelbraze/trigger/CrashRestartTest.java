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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.camelbraze.trigger.test.FakeBraze;
import io.camelbraze.trigger.test.FakeBrazeExtension;
import io.camelbraze.trigger.test.FaultScript;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing resent after a crash (issue "Bulk sends", item 4), with a real kill: a separate JVM streams a file to the fake
 * Braze with a JDBC idempotent repository (an H2 database served over TCP by this test) and is killed with SIGKILL
 * half-way; a new CamelContext on the same database reads the file again. Braze receives every recipient, and none twice
 * except those of requests that were in flight at the kill (ambiguous by nature).
 */
class CrashRestartTest extends CamelTestSupport {

    static final int MAX_CONCURRENT = 4;
    static final String ENDPOINT = "braze-trigger:canvas?canvasId=cv-crash&externalIdField=id&maxRetries=0"
                                   + "&maxConcurrentRequests=" + MAX_CONCURRENT
                                   + "&idempotentRepository=#repo&idempotentKey=${header.CamelFileName}";
    private static final int ROWS = 3000;

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder());

    @TempDir
    Path dir;

    private Server database;
    private String url;

    @BeforeEach
    void startDatabase() throws Exception {
        database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        url = "jdbc:h2:tcp://localhost:" + database.getPort() + "/mem:braze-repo;DB_CLOSE_DELAY=-1";
    }

    @AfterEach
    void stopDatabase() {
        database.stop();
    }

    @Test
    void aKilledNodeRestartedOnTheSameRepositoryResendsOnlyWhatWasInFlight() throws Exception {
        Path file = Files.writeString(dir.resolve("customers.ndjson"),
                IntStream.range(0, ROWS).mapToObj(i -> "{\"id\":\"k" + i + "\"}").collect(Collectors.joining("\n")));
        braze.script().delay(FaultScript.UNLIMITED, Duration.ofMillis(40));

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingFileSender.class.getName(),
                braze.baseUri(), braze.apiKey(), url, file.toString()));
        Process node = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("node.log").toFile()).start();
        braze.awaitRequests(20, Duration.ofSeconds(60));
        node.destroyForcibly();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int acceptedBeforeKill = braze.requests().size();
        assertThat(acceptedBeforeKill).as("killed half-way").isLessThan(ROWS / 50);

        braze.script().clear();
        context.getRegistry().bind("repo", CrashingFileSender.repository(url));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:file").to(ENDPOINT);
            }
        });
        Exchange restart = template.send("direct:file", e -> {
            e.getMessage().setBody(file.toFile());
            e.getMessage().setHeader(Exchange.FILE_NAME, file.getFileName().toString());
        });

        assertThat(restart.getException()).isNull();
        Map<String, Long> times = braze.acceptedRecipients().stream()
                .collect(Collectors.groupingBy(r -> r.externalUserId(), Collectors.counting()));
        long twice = times.values().stream().filter(n -> n > 1).count();
        int skipped = restart.getMessage().getHeader(BrazeTriggerConstants.SKIPPED_REQUESTS, Integer.class);
        System.out.printf("Crash and restart: %d requests accepted before the kill, %d skipped after the restart,"
                          + " %d recipients received twice (at most %d requests were in flight)%n",
                acceptedBeforeKill, skipped, twice, MAX_CONCURRENT);
        assertThat(times).as("every recipient received").hasSize(ROWS);
        assertThat(times.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        assertThat(twice).as("only requests in flight at the kill are sent again").isLessThanOrEqualTo(MAX_CONCURRENT * 50L);
        assertThat(skipped).isGreaterThanOrEqualTo(acceptedBeforeKill - MAX_CONCURRENT);
    }
}
