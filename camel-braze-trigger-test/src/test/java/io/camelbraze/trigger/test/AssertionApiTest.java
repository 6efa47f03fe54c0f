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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fluent assertions, passing and failing, and what their messages say. */
class AssertionApiTest {

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder().apiKey("secret-test-key"));

    private final Http http = new Http(braze);

    private void sendCanvas() {
        http.canvas(json("{'canvas_id':'cv-1','context':{'order_id':'A-1','total':10},'recipients':["
                + "{'external_user_id':'42','context':{'total':12.5},'attributes':{'first_name':'Alex'}},"
                + "{'user_alias':{'alias_name':'n1','alias_label':'crm'}},"
                + "{'email':'jane@example.com','prioritization':['most_recently_updated']}]}"));
    }

    @Test
    void canvasAssertionsPass() {
        sendCanvas();

        braze.assertCanvasTriggered("cv-1").times(3);
        braze.assertCanvasTriggered("cv-1").forExternalUserId("42").withContext("order_id", "A-1")
                .withContext("total", 12.5).withAttribute("first_name", "Alex").times(1);
        braze.assertCanvasTriggered("cv-1").forUserAlias("n1", "crm").withContext("total", 10);
        braze.assertCanvasTriggered("cv-1").forEmail("jane@example.com").withContext("order_id", "A-1");
        braze.assertCanvasTriggered("cv-1").withContext("total", 10L).times(2);
        assertThat(braze.assertCanvasTriggered("cv-1").requests()).hasSize(1);
    }

    @Test
    void campaignAssertionsPass() {
        http.campaign(json("{'campaign_id':'cmp-1','send_id':'s-1','trigger_properties':{'k':{'a':[1,2]}},"
                + "'recipients':[{'external_user_id':'7'}]}"));
        http.campaign(json("{'campaign_id':'cmp-1','broadcast':true}"));

        braze.assertCampaignTriggered("cmp-1").forExternalUserId("7").withTriggerProperty("k", Map.of("a", List.of(1, 2)))
                .withSendId("s-1").times(1);
        braze.assertCampaignTriggered("cmp-1").asBroadcast().times(1);
        braze.assertCampaignTriggered("cmp-1").times(2);
        braze.assertRequestCount(2);
    }

    @Test
    void missingTriggerFailsListingWhatWasReceivedWithoutSecrets() {
        sendCanvas();
        http.canvas(json("{'canvas_id':'cv-1'}"));

        assertThatThrownBy(() -> braze.assertCanvasTriggered("cv-1").forExternalUserId("43"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected Canvas \"cv-1\" triggered for external_user_id \"43\", but no accepted request matched.")
                .hasMessageContaining("Accepted requests (1):")
                .hasMessageContaining("external_user_id=42")
                .hasMessageContaining("order_id=\"A-1\"")
                .hasMessageContaining("user_alias=n1/crm")
                .hasMessageContaining("email=j***@example.com")
                .hasMessageContaining("attributes[first_name]")
                .hasMessageContaining("Rejected requests (1):")
                .hasMessageContaining("400 \"Either recipients must be given or broadcast must be true\"")
                .hasMessageNotContaining("secret-test-key")
                .hasMessageNotContaining("jane@")
                .hasMessageNotContaining("Alex");
    }

    @Test
    void wrongValueFails() {
        sendCanvas();

        assertThatThrownBy(() -> braze.assertCanvasTriggered("cv-1").forExternalUserId("42").withContext("order_id", "B-2"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("for external_user_id \"42\" with context order_id = \"B-2\"");
        assertThatThrownBy(() -> braze.assertCanvasTriggered("cv-1").forExternalUserId("42").withAttribute("first_name", "Bob"))
                .hasMessageContaining("with attribute first_name");
    }

    @Test
    void timesFailsWithTheActualCount() {
        sendCanvas();
        sendCanvas();

        assertThatThrownBy(() -> braze.assertCanvasTriggered("cv-1").forExternalUserId("42").times(1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected Canvas \"cv-1\" triggered for external_user_id \"42\" 1 time(s), but it was 2 time(s).");
    }

    @Test
    void nothingReceivedFails() {
        assertThatThrownBy(() -> braze.assertCampaignTriggered("cmp-1"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected Campaign \"cmp-1\" triggered, but no accepted request matched.")
                .hasMessageContaining("Accepted requests (0): none");
        braze.assertNoRequests();
    }

    @Test
    void refusedRequestsDoNotCountAsTriggered() {
        http.post(BrazeEndpoint.CANVAS.path(), "wrong-key", json("{'canvas_id':'cv-1','broadcast':true}"));

        assertThatThrownBy(() -> braze.assertCanvasTriggered("cv-1"))
                .hasMessageContaining("401 \"Invalid API key: <redacted>\"")
                .hasMessageNotContaining("wrong-key");
        assertThat(braze.rejectedRequests()).singleElement().satisfies(r -> assertThat(r.message()).doesNotContain("wrong-key"));
    }

    @Test
    void campaignSpecificFailures() {
        http.campaign(json("{'campaign_id':'cmp-1','recipients':[{'external_user_id':'7'}]}"));

        assertThatThrownBy(() -> braze.assertCampaignTriggered("cmp-1").withSendId("s-9")).hasMessageContaining("with send_id \"s-9\"");
        assertThatThrownBy(() -> braze.assertCampaignTriggered("cmp-1").asBroadcast()).hasMessageContaining("as a broadcast");
        assertThatThrownBy(() -> braze.assertCampaignTriggered("cmp-1").withTriggerProperty("k", 1))
                .hasMessageContaining("with trigger_properties k = 1");
        assertThatThrownBy(() -> braze.assertCanvasTriggered("cmp-1")).as("a campaign id is not a Canvas").isInstanceOf(AssertionError.class);
    }

    @Test
    void requestCountAssertions() {
        braze.assertNoRequests();
        http.canvas(json("{'canvas_id':'cv-1'}"));

        assertThatThrownBy(braze::assertNoRequests)
                .hasMessageContaining("Expected 0 request(s) to Braze, but got 1.");
        braze.assertRequestCount(1);
        assertThatThrownBy(() -> braze.assertRequestCount(2)).hasMessageContaining("but got 1");
    }

    @Test
    void awaitRequestsWaitsOrFails() {
        new Thread(() -> {
            sleep(200);
            http.canvas(json("{'canvas_id':'cv-1','broadcast':true}"));
        }).start();

        braze.awaitRequests(1, Duration.ofSeconds(5));
        assertThatThrownBy(() -> braze.awaitRequests(2, Duration.ofMillis(100)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Expected at least 2 request(s)");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
