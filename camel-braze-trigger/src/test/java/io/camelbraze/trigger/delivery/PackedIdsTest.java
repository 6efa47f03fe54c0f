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

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackedIdsTest {

    @Test
    void givesBackEveryIdAsItWasGiven() {
        List<String> given = Arrays.asList("c249b5eaad19a96b85ce3afc83017e81", "00000000000000000000000000000001", null,
                "ffffffffffffffff0000000000000000", "C249B5EAAD19A96B85CE3AFC83017E81", "dispatch_id_for_unsent_campaign",
                "c249b5eaad19a96b85ce3afc83017e8", "c249b5eaad19a96b85ce3afc83017e81x", "");
        PackedIds ids = new PackedIds();
        for (int round = 0; round < 10; round++) { // past the first growth of the arrays
            given.forEach(ids::append);
        }

        assertThat(ids).hasSize(90);
        for (int i = 0; i < 90; i++) {
            assertThat(ids.get(i)).as("id %d", i).isEqualTo(given.get(i % given.size()));
        }
        assertThat(ids.subList(0, given.size())).isEqualTo(given);
    }

    @Test
    void aSnapshotIsNotChangedByLaterAppends() {
        PackedIds ids = new PackedIds();
        ids.append("c249b5eaad19a96b85ce3afc83017e81");
        PackedIds snapshot = ids.snapshot();

        ids.append("other");

        assertThat(snapshot).containsExactly("c249b5eaad19a96b85ce3afc83017e81");
        assertThat(ids).containsExactly("c249b5eaad19a96b85ce3afc83017e81", "other");

        snapshot.append("00000000000000000000000000000002");
        ids.append("00000000000000000000000000000003");
        assertThat(snapshot).containsExactly("c249b5eaad19a96b85ce3afc83017e81", "00000000000000000000000000000002");
        assertThat(ids).containsExactly("c249b5eaad19a96b85ce3afc83017e81", "other", "00000000000000000000000000000003");
        assertThat(new PackedIds().snapshot()).isEmpty();
    }

    @Test
    void isReadOnlyAndBoundsChecked() {
        PackedIds ids = new PackedIds();
        ids.append("a");
        assertThatThrownBy(() -> ids.add("b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ids.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
