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

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.camelbraze.trigger.BrazeValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetProgressTest {

    private static PreparedChunk chunk(int index, String body) {
        return new PreparedChunk(index, body.getBytes(StandardCharsets.UTF_8), 50);
    }

    private static PreparedChunk chunk(int index) {
        return chunk(index, "{\"chunk\":" + index + "}");
    }

    private static AcceptedRequest accepted(int index) {
        return new AcceptedRequest("d" + index, null, List.of());
    }

    @Test
    void requestsAcceptedInOrderAreSummedUpNotKeptOneByOne() {
        TargetProgress progress = new TargetProgress();
        for (int i = 0; i < 20_000; i++) {
            progress.markAccepted(chunk(i), accepted(i));
        }

        assertThat(progress.keptOneByOne()).isZero();
        assertThat(progress.acceptedRequests()).isEqualTo(20_000);
        assertThat(progress.acceptedRecipients()).isEqualTo(1_000_000);
        assertThat(progress.results().dispatchIds()).hasSize(20_000).startsWith("d0", "d1").endsWith("d19999");
    }

    @Test
    void requestsEndingOutOfOrderAreReportedInInputOrderAndFoldedInOnceTheGapCloses() {
        TargetProgress progress = new TargetProgress();
        progress.markAccepted(chunk(2), accepted(2));
        progress.markAccepted(chunk(0), accepted(0));
        assertThat(progress.keptOneByOne()).isEqualTo(1);
        assertThat(progress.results().dispatchIds()).containsExactly("d0", "d2");

        progress.markAccepted(chunk(1), accepted(1));

        assertThat(progress.keptOneByOne()).isZero();
        assertThat(progress.results().dispatchIds()).containsExactly("d0", "d1", "d2");
    }

    @Test
    void aLaterDeliverySkipsWhatWasAcceptedAndSendsTheRest() {
        TargetProgress first = new TargetProgress();
        first.markAccepted(chunk(0), accepted(0));
        first.markAccepted(chunk(1), accepted(1));
        first.markAccepted(chunk(3), accepted(3)); // chunk 2 failed

        TargetProgress second = first.copy();

        assertThat(second.acceptedBefore(chunk(0))).isTrue();
        assertThat(second.acceptedBefore(chunk(1))).isTrue();
        assertThat(second.acceptedBefore(chunk(2))).isFalse();
        assertThat(second.acceptedBefore(chunk(3))).isTrue();
        assertThat(second.acceptedBefore(chunk(4))).isFalse();
        second.inputEnded(5);
        second.markAccepted(chunk(2), accepted(2));
        assertThat(second.results().dispatchIds()).containsExactly("d0", "d1", "d2", "d3");
        assertThat(first.results().dispatchIds()).as("the earlier record is left alone").containsExactly("d0", "d1", "d3");
    }

    @Test
    void aChangedPrefixIsFoundBeforeAnythingPastItIsSent() {
        TargetProgress first = new TargetProgress();
        first.markAccepted(chunk(0), accepted(0));
        first.markAccepted(chunk(1), accepted(1));

        TargetProgress second = first.copy();

        assertThat(second.acceptedBefore(chunk(0, "{\"chunk\":\"new\"}"))).isTrue(); // known only at the prefix's end
        assertThatThrownBy(() -> second.acceptedBefore(chunk(1)))
                .isInstanceOfSatisfying(BrazeValidationException.class, e -> {
                    assertThat(e.getField()).isEqualTo("body");
                    assertThat(e.getMessage()).contains("differs from the input").contains("accepted 2 request(s)");
                });
    }

    @Test
    void aChangedRequestPastAGapIsFound() {
        TargetProgress first = new TargetProgress();
        first.markAccepted(chunk(1), accepted(1));

        TargetProgress second = first.copy();

        assertThat(second.acceptedBefore(chunk(0))).isFalse();
        assertThatThrownBy(() -> second.acceptedBefore(chunk(1, "{\"other\":1}"))).isInstanceOf(BrazeValidationException.class);
    }

    @Test
    void anInputEndingBeforeWhatWasAcceptedIsFound() {
        TargetProgress first = new TargetProgress();
        first.markAccepted(chunk(0), accepted(0));
        first.markAccepted(chunk(2), accepted(2));

        TargetProgress shorterThanThePrefix = first.copy();
        assertThatThrownBy(() -> shorterThanThePrefix.inputEnded(0)).isInstanceOf(BrazeValidationException.class);

        TargetProgress shorterThanWhatFollowsTheGap = first.copy();
        assertThat(shorterThanWhatFollowsTheGap.acceptedBefore(chunk(0))).isTrue();
        assertThat(shorterThanWhatFollowsTheGap.acceptedBefore(chunk(1))).isFalse();
        assertThatThrownBy(() -> shorterThanWhatFollowsTheGap.inputEnded(2)).isInstanceOf(BrazeValidationException.class);
    }

    @Test
    void aRequestRecordedTwiceCountsOnce() {
        TargetProgress progress = new TargetProgress();
        progress.markAccepted(chunk(0), accepted(0));
        progress.markAccepted(chunk(0), accepted(0));
        progress.markAccepted(chunk(2), accepted(2));
        progress.markAccepted(chunk(2), accepted(2));

        assertThat(progress.acceptedRequests()).isEqualTo(2);
        assertThat(progress.acceptedRecipients()).isEqualTo(100);
    }
}
