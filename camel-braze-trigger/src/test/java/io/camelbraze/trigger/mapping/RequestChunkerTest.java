package io.camelbraze.trigger.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.camelbraze.trigger.model.Audience;
import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;

class RequestChunkerTest {

    private static final TriggerRequest TOP = TriggerRequest.campaign("cp").withSendId("s").withTriggerProperties(Map.of("k", 1))
            .withAudience(Audience.customAttribute("a").exists());

    private static List<Recipient> users(int count) {
        List<Recipient> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(Recipient.externalUserId("u" + i));
        }
        return users;
    }

    @ParameterizedTest
    @CsvSource({ "1, 1", "50, 1", "51, 2", "120, 3" })
    void recipientsAreSplitInOrderKeepingTopLevelFields(int recipients, int expectedChunks) {
        List<Recipient> all = users(recipients);

        List<TriggerRequest> chunks = RequestChunker.chunk(TOP.withRecipients(all), RequestChunker.MAX_RECIPIENTS);

        assertThat(chunks).hasSize(expectedChunks);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.recipientCount()).isBetween(1, 50);
            assertThat(chunk.withRecipients((List<Recipient>) null)).isEqualTo(TOP);
        });
        assertThat(chunks.stream().flatMap(chunk -> chunk.recipients().stream()).toList()).containsExactlyElementsOf(all);
    }

    @Test
    void chunkSizesFor120Are50And50And20() {
        assertThat(RequestChunker.chunk(TOP.withRecipients(users(120)), 50)).extracting(TriggerRequest::recipientCount)
                .containsExactly(50, 50, 20);
    }

    @Test
    void requestWithoutRecipientsIsOneChunk() {
        TriggerRequest broadcast = TOP.withBroadcast(true);

        assertThat(RequestChunker.chunk(broadcast, 50)).containsExactly(broadcast);
        assertThat(RequestChunker.chunk(TOP.withRecipients(List.of()), 50)).containsExactly(TOP.withRecipients(List.of()));
    }

    @Test
    void maxRecipientsMustBePositive() {
        assertThatThrownBy(() -> RequestChunker.chunk(TOP, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
