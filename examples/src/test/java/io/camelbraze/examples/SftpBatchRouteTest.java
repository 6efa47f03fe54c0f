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
package io.camelbraze.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelbraze.examples.routes.SftpBatchRoute;
import io.camelbraze.examples.run.SampleData;
import io.camelbraze.examples.run.SendLedger;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SftpBatchRouteTest extends ExampleRouteTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new SftpBatchRoute();
    }

    @Test
    void sendsEachFileAsOneExchangeInRequestsOf50AndWritesTheBadLinesBesideItOnTheServer() throws Exception {
        Path batches = environment.sftpBatches();
        SampleData.dropBatches(batches);

        await("every batch file is in .done", () -> fileNames(batches.resolve(".done"))
                .containsAll(List.of(SampleData.BATCH_LARGE, SampleData.BATCH_SMALL, SampleData.BATCH_BROKEN)));

        // what Braze received: one exchange per file; 119 good of 120 as 50 + 50 + 19, 30 as one request, 2 of 3
        assertThat(ledger.exchanges(SftpBatchRoute.ROUTE_ID)).isEqualTo(3);
        assertThat(braze.requests()).extracting(r -> r.recipients().size()).containsExactlyInAnyOrder(50, 50, 19, 30, 2);
        Map<String, Long> times = braze.acceptedRecipients().stream()
                .collect(Collectors.groupingBy(r -> String.valueOf(r.externalUserId()), Collectors.counting()));
        assertThat(times).hasSize(SampleData.BATCH_RECIPIENTS - SampleData.BATCH_INVALID)
                .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1))
                .containsKeys("summer-1", "summer-77", "summer-79", "summer-120", "summer-1030", "summer-2001", "summer-2003")
                .doesNotContainKeys("summer-78", "summer-2002");
        braze.assertCanvasTriggered(CANVAS).forExternalUserId("summer-1").withContext("discount_percent", 15).times(1);

        // the bad lines, beside their input in /batches on the server, with positions and reasons
        List<JsonNode> large = RejectsAssertions.read(batches.resolve(SampleData.BATCH_LARGE + SftpBatchRoute.REJECTS_SUFFIX));
        assertThat(large).singleElement().satisfies(rejected -> {
            assertThat(rejected.path("position").asInt()).isEqualTo(SampleData.BATCH_LARGE_BAD_LINE - 1);
            assertThat(rejected.path("reason").asText()).isEqualTo("recipients[77]: has external_user_id and email;"
                                                                   + " Braze allows exactly one identifier per recipient");
            assertThat(rejected.path("record").path("external_user_id").asText()).isEqualTo("summer-78");
        });
        List<JsonNode> broken = RejectsAssertions.read(batches.resolve(SampleData.BATCH_BROKEN + SftpBatchRoute.REJECTS_SUFFIX));
        assertThat(broken).singleElement().satisfies(rejected -> {
            assertThat(rejected.path("position").asInt()).isEqualTo(SampleData.BATCH_BROKEN_BAD_LINE - 1);
            assertThat(rejected.path("reason").asText())
                    .isEqualTo("recipients[1]: needs one identifier: external_user_id, user_alias or email");
            assertThat(rejected.path("record").path("context").path("discount_percent").asInt()).isEqualTo(15);
        });
        // a file without bad lines gets no rejects file, and the rejects files are not read as input
        assertThat(fileNames(batches)).containsExactlyInAnyOrder(SampleData.BATCH_LARGE + SftpBatchRoute.REJECTS_SUFFIX,
                                                                 SampleData.BATCH_BROKEN + SftpBatchRoute.REJECTS_SUFFIX);
        assertThat(fileNames(batches.resolve(".failed"))).isEmpty();

        // nothing lost
        assertThat(ledger.recipients(SftpBatchRoute.ROUTE_ID) + large.size() + broken.size())
                .isEqualTo(SampleData.BATCH_RECIPIENTS);
        assertThat(ledger.sends()).extracting(SendLedger.Send::rejected).containsExactlyInAnyOrder(1, 0, 1);
    }
}
