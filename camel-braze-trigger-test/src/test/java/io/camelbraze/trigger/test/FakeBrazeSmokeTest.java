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
package io.camelbraze.trigger.test;

import static io.camelbraze.trigger.test.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class FakeBrazeSmokeTest {

    @Test
    void acceptsRecordsAndAsserts() {
        try (FakeBraze braze = new FakeBraze().start()) {
            HttpResponse<String> response = new Http(braze).canvas(json(
                    "{'canvas_id':'cv-1','context':{'order_id':'A-1'},'recipients':[{'external_user_id':'42'}]}"));

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body()).matches("\\{\"dispatch_id\":\"[0-9a-f]{32}\",\"message\":\"success\"}");
            assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("250000");
            assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("249999");
            assertThat(braze.baseUri()).startsWith("http://127.0.0.1:");
            assertThat(braze.requests()).hasSize(1);
            braze.assertCanvasTriggered("cv-1").forExternalUserId("42").withContext("order_id", "A-1").times(1);
        }
    }

    @Test
    void journalToHandsEachRequestToTheSinkAndKeepsNone() {
        List<RecordedRequest> sunk = new CopyOnWriteArrayList<>();
        try (FakeBraze braze = FakeBraze.builder().journalTo(sunk::add).build().start()) {
            Http http = new Http(braze);
            http.canvas(json("{'canvas_id':'cv-1','recipients':[{'external_user_id':'42'},{'external_user_id':'43'}]}"));
            http.canvas(json("{'canvas_id':'cv-1'}")); // neither recipients nor broadcast: refused

            assertThat(sunk).hasSize(2);
            assertThat(sunk.get(0).accepted()).isTrue();
            assertThat(sunk.get(0).recipients()).hasSize(2);
            assertThat(sunk.get(1).status()).isEqualTo(400);
            assertThat(braze.requestCount()).isZero();
            assertThat(braze.requests()).isEmpty();
        }
    }
}
