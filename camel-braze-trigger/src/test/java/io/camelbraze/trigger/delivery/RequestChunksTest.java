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
package io.camelbraze.trigger.delivery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.mapping.BrazeJson;
import io.camelbraze.trigger.mapping.RecipientSource;
import io.camelbraze.trigger.model.Audience;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests of at most 50 recipients, read and written one at a time, every chunk keeping the top-level fields. */
class RequestChunksTest {

    private static final TriggerRequest TOP = TriggerRequest.campaign("cp").withSendId("s").withTriggerProperties(Map.of("k", 1))
            .withAudience(Audience.customAttribute("a").exists());

    private static List<Recipient> users(int count) {
        List<Recipient> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(Recipient.externalUserId("u" + i));
        }
        return users;
    }

    private static List<TriggerRequest> chunks(TriggerRequest template, List<Recipient> recipients, int max) throws IOException {
        RequestChunks source = new RequestChunks(template, recipients == null ? null : RecipientSource.inMemory(recipients), max);
        List<TriggerRequest> requests = new ArrayList<>();
        for (PreparedChunk chunk = source.next(); chunk != null; chunk = source.next()) {
            assertThat(chunk.index()).isEqualTo(requests.size());
            requests.add(BrazeJson.mapper().readValue(chunk.json(), TriggerRequest.class));
        }
        return requests;
    }

    @ParameterizedTest
    @CsvSource({ "1, 1", "50, 1", "51, 2", "120, 3" })
    void recipientsAreSplitInOrderKeepingTopLevelFields(int recipients, int expectedChunks) throws IOException {
        List<Recipient> all = users(recipients);

        List<TriggerRequest> chunks = chunks(TOP, all, 50);

        assertThat(chunks).hasSize(expectedChunks);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.recipientCount()).isBetween(1, 50);
            assertThat(chunk.withRecipients((List<Recipient>) null)).isEqualTo(TOP);
        });
        assertThat(chunks.stream().flatMap(chunk -> chunk.recipients().stream()).toList()).containsExactlyElementsOf(all);
    }

    @Test
    void chunkSizesFor120Are50And50And20() throws IOException {
        assertThat(chunks(TOP, users(120), 50)).extracting(TriggerRequest::recipientCount).containsExactly(50, 50, 20);
    }

    @Test
    void requestWithoutRecipientsIsOneChunk() throws IOException {
        TriggerRequest broadcast = TOP.withBroadcast(true);

        assertThat(chunks(broadcast, null, 50)).containsExactly(broadcast);
        assertThatThrownBy(() -> chunks(TOP, List.of(), 50)).isInstanceOf(BrazeValidationException.class)
                .hasMessageContaining("no recipients");
    }

    @Test
    void maxRecipientsMustBePositive() {
        assertThatThrownBy(() -> new RequestChunks(TOP, null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
