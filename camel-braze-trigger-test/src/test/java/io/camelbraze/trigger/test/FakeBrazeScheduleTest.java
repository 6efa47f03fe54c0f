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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * The six schedule endpoints and {@code /sends/id/create} as Braze serves them (braze-api.md §8.2, §8.6): the fake checks
 * the schedule object, remembers schedules so that updates and deletes of unknown ids are refused, counts send ids per
 * day, and puts everything but broadcast schedule creates in the shared hourly bucket.
 */
class FakeBrazeScheduleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);

    private FakeBraze fake(FakeBraze.Builder builder) {
        return builder.clock(clock).build().start();
    }

    private static String post(Http http, BrazeEndpoint endpoint, String singleQuoted, int expectedStatus) {
        HttpResponse<String> response = http.post(endpoint.path(), FakeBraze.DEFAULT_API_KEY, json(singleQuoted));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return response.body();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void createUpdateAndDeleteACanvasScheduleAsBrazeAnswersThem() {
        try (FakeBraze braze = fake(FakeBraze.builder())) {
            Http http = new Http(braze);
            JsonNode created = parse(post(http, BrazeEndpoint.CANVAS_SCHEDULE_CREATE, "{'canvas_id':'cv-1','context':{'a':'1'},"
                    + "'recipients':[{'external_user_id':'42'}],'schedule':{'time':'2026-12-01T09:00:00Z'}}", 201));
            assertThat(created.path("dispatch_id").asText()).matches("[0-9a-f]{32}");
            assertThat(created.path("message").asText()).isEqualTo("success");
            String id = created.path("schedule_id").asText();
            assertThat(id).isNotBlank();

            braze.assertThatBraze().scheduled("cv-1").forExternalUserId("42").withContext("a", "1")
                    .at(Instant.parse("2026-12-01T09:00:00Z")).withScheduleId(id).times(1);
            assertThat(braze.requests().get(0).scheduleId()).hasValue(id);
            // a schedule is not a send
            assertThatThrownBy(() -> braze.assertCanvasTriggered("cv-1")).isInstanceOf(AssertionError.class);

            assertThat(parse(post(http, BrazeEndpoint.CANVAS_SCHEDULE_UPDATE, "{'canvas_id':'cv-1','schedule_id':'" + id
                    + "','schedule':{'time':'2026-12-01T08:00:00','in_local_time':true}}", 201)).toString())
                    .isEqualTo("{\"message\":\"success\"}");
            braze.assertThatBraze().scheduled("cv-1").inLocalTime(LocalDateTime.parse("2026-12-01T08:00:00")).updated()
                    .forExternalUserId("42");

            post(http, BrazeEndpoint.CANVAS_SCHEDULE_DELETE, "{'canvas_id':'cv-1','schedule_id':'" + id + "'}", 201);
            braze.assertThatBraze().notScheduled("cv-1").cancelled("cv-1").withScheduleId(id).forExternalUserId("42");
            assertThat(braze.schedules()).singleElement().satisfies(s -> {
                assertThat(s.cancelled()).isTrue();
                assertThat(s.updates()).isEqualTo(1);
                assertThat(s.isCanvas()).isTrue();
            });
        }
    }

    @Test
    void updatesAndDeletesOfUnknownCancelledOrOtherTargetsSchedulesAreRefused() {
        try (FakeBraze braze = fake(FakeBraze.builder())) {
            Http http = new Http(braze);
            String id = parse(post(http, BrazeEndpoint.CAMPAIGN_SCHEDULE_CREATE, "{'campaign_id':'cmp-1','broadcast':true,"
                    + "'schedule':{'time':'2026-12-01T09:00:00Z'}}", 201)).path("schedule_id").asText();
            String move = ",'schedule':{'time':'2026-12-02T09:00:00Z'}}";

            assertThat(post(http, BrazeEndpoint.CAMPAIGN_SCHEDULE_UPDATE, "{'campaign_id':'cmp-1','schedule_id':'nope'" + move, 400))
                    .contains("Invalid schedule_id");
            post(http, BrazeEndpoint.CAMPAIGN_SCHEDULE_UPDATE, "{'campaign_id':'cmp-2','schedule_id':'" + id + "'" + move, 400);
            post(http, BrazeEndpoint.CANVAS_SCHEDULE_DELETE, "{'canvas_id':'cmp-1','schedule_id':'" + id + "'}", 400);
            post(http, BrazeEndpoint.CAMPAIGN_SCHEDULE_DELETE, "{'campaign_id':'cmp-1','schedule_id':'" + id + "'}", 201);
            post(http, BrazeEndpoint.CAMPAIGN_SCHEDULE_DELETE, "{'campaign_id':'cmp-1','schedule_id':'" + id + "'}", 400);
            post(http, BrazeEndpoint.CAMPAIGN_SCHEDULE_UPDATE, "{'campaign_id':'cmp-1','schedule_id':'" + id + "'" + move, 400);

            braze.assertThatBraze().cancelled("cmp-1").asBroadcast().times(1);
            assertThat(braze.rejectedRequests()).hasSize(5).allSatisfy(r -> assertThat(r.scheduleId()).isPresent());
        }
    }

    @Test
    void scheduleObjectRules() {
        try (FakeBraze braze = fake(FakeBraze.builder())) {
            Http http = new Http(braze);
            String create = "{'canvas_id':'cv-1','recipients':[{'external_user_id':'1'}],'schedule':%s}";
            String passedEverywhere = LocalDateTime.parse("2026-11-27T21:59:59").toString();
            String notYetPassedInUtcMinus12 = "2026-11-27T22:00:01";

            assertThat(post(http, BrazeEndpoint.CANVAS_SCHEDULE_CREATE, "{'canvas_id':'cv-1','recipients':[{'external_user_id':'1'}]}",
                    400)).contains("schedule is required");
            assertThat(post(http, BrazeEndpoint.CANVAS_SCHEDULE_CREATE, create.formatted("{'time':'tomorrow'}"), 400))
                    .contains("cannot parse");
            assertThat(post(http, BrazeEndpoint.CANVAS_SCHEDULE_CREATE, create.formatted(
                    "{'time':'2026-12-01T09:00:00','in_local_time':true,'at_optimal_time':true}"), 400)).contains("cannot both be true");
            assertThat(post(http, BrazeEndpoint.CANVAS_SCHEDULE_CREATE, create.formatted(
                    "{'time':'2026-12-01T09:00:00+02:00','in_local_time':true}"), 400)).contains("offset");
            assertThat(post(http, BrazeEndpoint.CANVAS_SCHEDULE_CREATE, create.formatted(
                    "{'time':'" + passedEverywhere + "','in_local_time':true}"), 400)).contains("passed in every time zone");
            post(http, BrazeEndpoint.CANVAS_SCHEDULE_CREATE, create.formatted(
                    "{'time':'" + notYetPassedInUtcMinus12 + "','in_local_time':true}"), 201);
            post(http, BrazeEndpoint.CANVAS_SCHEDULE_CREATE, create.formatted("{'time':'2020-01-01T00:00:00Z'}"), 201);
            post(http, BrazeEndpoint.CANVAS_SCHEDULE_CREATE, create.formatted("{'time':'2026-12-01T00:00:00','at_optimal_time':true}"),
                    201);
            assertThat(post(http, BrazeEndpoint.CAMPAIGN_SCHEDULE_CREATE, "{'campaign_id':'c','recipients':[{'external_user_id':'1'}],"
                    + "'attachments':[{'file_name':'f','url':'https://example.com/f.pdf'}],'schedule':{'time':'2026-12-01T09:00:00Z'}}",
                    400)).contains("unknown field 'attachments'");
            // the trigger-send rules apply to a schedule create as well
            assertThat(post(http, BrazeEndpoint.CANVAS_SCHEDULE_CREATE, "{'canvas_id':'cv-1','schedule':{'time':'2026-12-01T09:00:00Z'}}",
                    400)).contains("Either recipients must be given or broadcast must be true");

            braze.assertThatBraze().scheduled("cv-1").atOptimalTime(LocalDate.parse("2026-12-01")).times(1);
            braze.assertThatBraze().scheduled("cv-1").inLocalTime(LocalDateTime.parse(notYetPassedInUtcMinus12)).times(1);
            assertThat(braze.schedules()).hasSize(3);
        }
    }

    @Test
    void sendIdsAreCreatedUpToTheDailyLimitAndReCreatingOneDoesNotCount() {
        try (FakeBraze braze = fake(FakeBraze.builder().sendIdDailyLimit(2).knownCampaignIds("cmp-1"))) {
            Http http = new Http(braze);
            assertThat(parse(post(http, BrazeEndpoint.SEND_ID_CREATE, "{'campaign_id':'cmp-1','send_id':'spring'}", 201)).toString())
                    .isEqualTo("{\"message\":\"success\",\"send_id\":\"spring\"}");
            post(http, BrazeEndpoint.SEND_ID_CREATE, "{'campaign_id':'cmp-1','send_id':'spring'}", 201);
            String generated = parse(post(http, BrazeEndpoint.SEND_ID_CREATE, "{'campaign_id':'cmp-1'}", 201)).path("send_id").asText();
            assertThat(generated).isNotBlank().isNotEqualTo("spring");
            assertThat(post(http, BrazeEndpoint.SEND_ID_CREATE, "{'campaign_id':'cmp-1','send_id':'summer'}", 429)).contains("daily limit");

            assertThat(post(http, BrazeEndpoint.SEND_ID_CREATE, "{'campaign_id':'cmp-9'}", 400)).contains("does not exist");
            assertThat(post(http, BrazeEndpoint.SEND_ID_CREATE, "{'campaign_id':'cmp-1','send_id':'" + "x".repeat(65) + "'}", 400))
                    .contains("at most 64");
            post(http, BrazeEndpoint.SEND_ID_CREATE, "{'campaign_id':'cmp-1','recipients':[]}", 400);

            clock.advance(Duration.ofDays(1));
            post(http, BrazeEndpoint.SEND_ID_CREATE, "{'campaign_id':'cmp-1','send_id':'summer'}", 201);
            braze.assertThatBraze().sendIdCreated("cmp-1", "spring").sendIdCreated("cmp-1", generated)
                    .sendIdCreated("cmp-1", "summer");
            assertThat(braze.sendIds()).hasSize(3);
            assertThat(braze.requests()).filteredOn(r -> r.endpoint() == BrazeEndpoint.SEND_ID_CREATE)
                    .extracting(r -> r.sendId().orElseThrow()).containsExactly("spring", "spring", generated, "summer");
        }
    }

    @Test
    void permissionsArePerEndpoint() {
        try (FakeBraze braze = fake(FakeBraze.builder().apiKeyWithPermissions("send-only", "canvas.trigger.send"))) {
            Http http = new Http(braze);
            String schedule = json("{'canvas_id':'cv-1','broadcast':true,'schedule':{'time':'2026-12-01T09:00:00Z'}}");
            assertThat(http.post(BrazeEndpoint.CANVAS_SCHEDULE_CREATE.path(), "send-only", schedule).statusCode()).isEqualTo(403);
            assertThat(http.post(BrazeEndpoint.SEND_ID_CREATE.path(), "send-only", json("{'campaign_id':'c'}")).statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    void updatesDeletesAndSendIdsDrawFromTheHourlyBucketAndBroadcastSchedulesFromTheBroadcastOne() {
        try (FakeBraze braze = fake(FakeBraze.builder().rateLimited(3, Duration.ofHours(1)))) {
            Http http = new Http(braze);
            String id = parse(post(http, BrazeEndpoint.CANVAS_SCHEDULE_CREATE, "{'canvas_id':'cv-1','broadcast':true,"
                    + "'schedule':{'time':'2026-12-01T09:00:00Z'}}", 201)).path("schedule_id").asText();
            post(http, BrazeEndpoint.CANVAS_SCHEDULE_UPDATE, "{'canvas_id':'cv-1','schedule_id':'" + id
                    + "','schedule':{'time':'2026-12-02T09:00:00Z'}}", 201);
            post(http, BrazeEndpoint.SEND_ID_CREATE, "{'campaign_id':'cmp-1'}", 201);
            post(http, BrazeEndpoint.CANVAS_SCHEDULE_DELETE, "{'canvas_id':'cv-1','schedule_id':'" + id + "'}", 201);
            // three targeted requests spent the hourly bucket; the broadcast create did not count in it
            post(http, BrazeEndpoint.CANVAS, "{'canvas_id':'cv-1','recipients':[{'external_user_id':'1'}]}", 429);
            post(http, BrazeEndpoint.CANVAS_SCHEDULE_CREATE, "{'canvas_id':'cv-1','broadcast':true,"
                    + "'schedule':{'time':'2026-12-01T09:00:00Z'}}", 201);
        }
    }
}
