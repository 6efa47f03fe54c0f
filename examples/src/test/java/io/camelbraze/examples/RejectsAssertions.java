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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelbraze.examples.run.SampleData;

import static org.assertj.core.api.Assertions.assertThat;

/** What the bulk routes' rejects files and Braze must hold for the seeded sample data. */
final class RejectsAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RejectsAssertions() {
    }

    /** Each line one JSON object: the row's 0-based position, the field, the reason naming it, the row as read. */
    static List<JsonNode> read(Path rejectsFile) throws Exception {
        assertThat(rejectsFile).as("rejects file beside the input").exists();
        List<JsonNode> rejects = new ArrayList<>();
        for (String line : Files.readAllLines(rejectsFile)) {
            rejects.add(JSON.readTree(line));
        }
        return rejects;
    }

    /** Exactly the orders CSV's three bad rows, in file order, with their reasons. */
    static void assertOrdersRejects(Path rejectsFile) throws Exception {
        List<JsonNode> rejects = read(rejectsFile);
        assertThat(rejects).hasSize(SampleData.ORDERS_INVALID);
        for (int i = 0; i < rejects.size(); i++) {
            int row = SampleData.ORDERS_BAD_ROWS.get(i);
            JsonNode rejected = rejects.get(i);
            assertThat(rejected.path("position").asInt()).isEqualTo(row - 1);
            assertThat(rejected.path("field").asText()).isEqualTo("recipients[" + (row - 1) + "]");
            assertThat(rejected.path("reason").asText())
                    .isEqualTo("recipients[" + (row - 1) + "]: record has no value in field 'customer_id' (externalIdField)");
            assertThat(rejected.path("record").path("order_id").asText()).isEqualTo("A-" + (1000 + row));
        }
        // the blank id is kept as it was; the cut-off row has only its order id
        assertThat(rejects.get(1).path("record").path("customer_id").asText()).isEqualTo("   ");
        assertThat(rejects.get(2).path("record").size()).isEqualTo(1);
    }

    /** The customer ids of the orders CSV's good rows, from the CSV itself. */
    static List<String> ordersValidCustomerIds() {
        List<String> ids = new ArrayList<>();
        List<String> lines = SampleData.ORDERS_CSV.lines().skip(1).toList();
        for (String line : lines) {
            String[] columns = line.split(",", -1);
            if (columns.length > 1 && !columns[1].isBlank()) {
                ids.add(columns[1]);
            }
        }
        assertThat(ids).hasSize(SampleData.ORDERS_VALID);
        return ids;
    }
}
