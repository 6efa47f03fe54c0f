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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Authentication, answers and headers over HTTP (braze-api.md §9 rules 1, 2, 3, 10, 11). */
class FakeBrazeHttpTest {

    private static final String VALID_CANVAS = json("{'canvas_id':'cv-1','recipients':[{'external_user_id':'42'}]}");
    private static final String VALID_CAMPAIGN = json("{'campaign_id':'cmp-1','recipients':[{'external_user_id':'7'}]}");

    @RegisterExtension
    static FakeBrazeExtension braze = new FakeBrazeExtension(FakeBraze.builder()
            .apiKey("full-key")
            .apiKeyWithPermissions("campaign-only-key", "campaigns.trigger.send")
            .knownCanvasIds("cv-1")
            .knownCampaignIds("cmp-1")
            .pausedCanvases("cv-paused")
            .archivedCanvases("cv-archived"));

    private final Http http = new Http(braze);

    @Test
    void firstConfiguredKeyIsTheApiKey() {
        assertThat(braze.apiKey()).isEqualTo("full-key");
        assertThat(new FakeBraze().apiKey()).isEqualTo(FakeBraze.DEFAULT_API_KEY);
    }

    @Test
    void successAnswersLikeBraze() {
        HttpResponse<String> response = http.canvas(VALID_CANVAS);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).matches("\\{\"dispatch_id\":\"[0-9a-f]{32}\",\"message\":\"success\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        long nextHour = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS).getEpochSecond();
        assertThat(response.headers().firstValue("X-RateLimit-Reset")).hasValue(String.valueOf(nextHour));
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("250000");
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("249999");
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        RecordedRequest recorded = braze.requests().get(0);
        assertThat(recorded.dispatchId()).hasValueSatisfying(id -> assertThat(response.body()).contains(id));
        assertThat(recorded.usedApiKey("full-key")).isTrue();
        assertThat(recorded.header("authorization")).isEqualTo("<redacted>");
        assertThat(recorded.body()).containsEntry("canvas_id", "cv-1");
    }

    @Test
    void campaignSuccessCarriesADispatchIdUnlessConfiguredOtherwise() {
        assertThat(http.campaign(VALID_CAMPAIGN).body()).contains("dispatch_id");
        try (FakeBraze noDispatch = FakeBraze.builder().omitCampaignDispatchId().build().start()) {
            HttpResponse<String> response = new Http(noDispatch).campaign(VALID_CAMPAIGN);
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body()).isEqualTo("{\"message\":\"success\"}");
            assertThat(new Http(noDispatch).canvas(VALID_CANVAS).body()).contains("dispatch_id");
        }
    }

    @Test
    void unknownKeyIs401EchoingTheKeyWithEmptyRateLimitHeaders() {
        HttpResponse<String> response = http.post(BrazeEndpoint.CANVAS.path(), "non-existent", VALID_CANVAS);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Invalid API key: non-existent\"}");
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("");
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("");
        assertThat(response.headers().firstValue("X-RateLimit-Reset")).hasValue("");
        RecordedRequest rejected = braze.rejectedRequests().get(0);
        assertThat(rejected.status()).isEqualTo(401);
        assertThat(rejected.message()).isEqualTo("Invalid API key: <redacted>").doesNotContain("non-existent");
        assertThat(braze.requests()).isEmpty();
    }

    @Test
    void missingOrMalformedAuthorizationIs401() {
        assertThat(http.post(BrazeEndpoint.CANVAS.path(), null, VALID_CANVAS).statusCode()).isEqualTo(401);
        assertThat(http.post(BrazeEndpoint.CANVAS.path(), "\"full-key\"", VALID_CANVAS).statusCode()).isEqualTo(401);
    }

    @Test
    void keyWithoutThePermissionIs403() {
        HttpResponse<String> canvas = http.post(BrazeEndpoint.CANVAS.path(), "campaign-only-key", VALID_CANVAS);
        HttpResponse<String> campaign = http.post(BrazeEndpoint.CAMPAIGN.path(), "campaign-only-key", VALID_CAMPAIGN);

        assertThat(canvas.statusCode()).isEqualTo(403);
        assertThat(canvas.body()).isEqualTo("{\"message\":\"You do not have permission to access this resource\"}");
        assertThat(canvas.headers().firstValue("X-RateLimit-Limit")).hasValue("250000");
        assertThat(campaign.statusCode()).isEqualTo(201);
    }

    @Test
    void malformedJsonIs400() {
        HttpResponse<String> response = http.canvas("{\"canvas_id\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\":\"Bad syntax: the request body is not valid JSON\"}");
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isPresent();
        assertThat(braze.rejectedRequests()).singleElement().satisfies(r -> assertThat(r.json()).isNull());
    }

    @Test
    void ruleViolationsAre400WithTheMessage() {
        HttpResponse<String> response = http.canvas(json("{'canvas_id':'cv-1','broadcast':true,'recipients':[{'external_user_id':'1'}]}"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\":\"broadcast cannot be true when recipients are specified\"}");
        assertThat(braze.rejectedRequests()).singleElement()
                .satisfies(r -> assertThat(r.message()).isEqualTo("broadcast cannot be true when recipients are specified"));
    }

    @Test
    void unknownIdsAre400WhenAKnownIdListIsConfigured() {
        HttpResponse<String> canvas = http.canvas(json("{'canvas_id':'cv-9','broadcast':true}"));
        HttpResponse<String> campaign = http.campaign(json("{'campaign_id':'cmp-9','broadcast':true}"));

        assertThat(canvas.statusCode()).isEqualTo(400);
        assertThat(canvas.body()).contains("Canvas does not exist");
        assertThat(campaign.statusCode()).isEqualTo(400);
        assertThat(campaign.body()).contains("Campaign does not exist");
    }

    @Test
    void pausedAndArchivedCanvasesAnswer201WithBrazesNotice() {
        HttpResponse<String> paused = http.canvas(json("{'canvas_id':'cv-paused','broadcast':true}"));
        HttpResponse<String> archived = http.canvas(json("{'canvas_id':'cv-archived','broadcast':true}"));

        assertThat(paused.statusCode()).isEqualTo(201);
        assertThat(paused.body()).contains(
                "\"notice\":\"The Canvas is paused. Resume the Canvas to ensure trigger requests will take effect.\"");
        assertThat(archived.statusCode()).isEqualTo(201);
        assertThat(archived.body()).contains(
                "\"notice\":\"The Canvas is archived. Unarchive the Canvas to ensure trigger requests will take effect.\"");
        assertThat(braze.requests()).extracting(r -> r.notice().orElseThrow()).hasSize(2);
    }

    @Test
    void otherPathsAndMethodsAre404() {
        HttpResponse<String> response = http.post("/messages/send", braze.apiKey(), VALID_CANVAS);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(braze.rejectedRequests()).singleElement().satisfies(r -> assertThat(r.endpoint()).isNull());
    }

    @Test
    void headerNamesKeepBrazesCaseByDefault() {
        String raw = RawHttp.post(braze, BrazeEndpoint.CANVAS.path(), braze.apiKey(), VALID_CANVAS);

        assertThat(raw).startsWith("HTTP/1.1 201").contains("\r\nX-RateLimit-Limit: 250000\r\n")
                .contains("\r\nX-RateLimit-Remaining: ").contains("\r\nX-RateLimit-Reset: ");
    }

    @Test
    void lowercaseModeSendsLowercaseHeaderNames() {
        try (FakeBraze lower = FakeBraze.builder().lowercaseHeaders().build().start()) {
            String ok = RawHttp.post(lower, BrazeEndpoint.CANVAS.path(), lower.apiKey(), VALID_CANVAS);
            String unauthorized = RawHttp.post(lower, BrazeEndpoint.CANVAS.path(), "wrong", VALID_CANVAS);

            assertThat(ok).startsWith("HTTP/1.1 201").contains("\r\nx-ratelimit-limit: 250000\r\n")
                    .contains("\r\nx-ratelimit-remaining: 249999\r\n").contains("\r\nx-ratelimit-reset: ")
                    .doesNotContain("X-RateLimit");
            assertThat(unauthorized).startsWith("HTTP/1.1 401").contains("\r\nx-ratelimit-limit: \r\n");
        }
    }

    @Test
    void recordsRecipientsAndCounts() {
        http.canvas(json("{'canvas_id':'cv-1','recipients':[{'external_user_id':'1'},{'user_alias':{'alias_name':'n','alias_label':'l'}}]}"));
        http.canvas(json("{'canvas_id':'cv-1','broadcast':true}"));
        http.canvas(json("{'canvas_id':'cv-1'}"));

        assertThat(braze.requestCount()).isEqualTo(3);
        assertThat(braze.requests()).hasSize(2);
        assertThat(braze.rejectedRequests()).hasSize(1);
        assertThat(braze.acceptedRecipients()).extracting(Recipient::externalUserId).containsExactly("1", null);
        assertThat(braze.acceptedRecipients().get(1).aliasName()).isEqualTo("n");
        assertThat(braze.allRequests()).extracting(RecordedRequest::sequence).containsExactly(1, 2, 3);
    }
}
