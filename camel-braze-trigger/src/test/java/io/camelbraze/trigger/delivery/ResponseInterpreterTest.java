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

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelbraze.trigger.BrazeApiException;
import io.camelbraze.trigger.BrazeRateLimitException;
import io.camelbraze.trigger.http.BrazeResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseInterpreterTest {

    private static final String KEY = "secret-key-123";
    private final ResponseInterpreter interpreter = new ResponseInterpreter(new ObjectMapper(), KEY);

    @Test
    void readsDispatchIdNoticeAndNonFatalErrors() {
        AcceptedRequest accepted = interpreter.accepted(new BrazeResponse(201, Map.of(),
                "{\"dispatch_id\":\"c249b5eaad19a96b85ce3afc83017e81\",\"message\":\"success\","
                + "\"notice\":\"The Canvas is paused. Resume the Canvas to ensure trigger requests will take effect.\","
                + "\"errors\":[\"minor one\"]}"));
        assertThat(accepted.dispatchId()).isEqualTo("c249b5eaad19a96b85ce3afc83017e81");
        assertThat(accepted.notice()).startsWith("The Canvas is paused");
        assertThat(accepted.errors()).containsExactly("minor one");
    }

    @Test
    void acceptsACampaign201WithoutDispatchIdAndAHistoric202() {
        assertThat(interpreter.accepted(new BrazeResponse(201, Map.of(), "{\"message\":\"success\"}")).dispatchId()).isNull();
        AcceptedRequest queued = interpreter.accepted(new BrazeResponse(202, Map.of(), "{\"message\":\"queued\"}"));
        assertThat(queued.dispatchId()).isNull();
        assertThat(queued.errors()).isEmpty();
        assertThat(interpreter.accepted(new BrazeResponse(204, Map.of(), "")).dispatchId()).isNull();
    }

    @Test
    void scrubsAnEchoedApiKey() {
        BrazeApiException failure = interpreter.failure(
                new BrazeResponse(401, Map.of(), "{\"message\":\"Invalid API key: " + KEY + "\"}"), 0);
        assertThat(failure.getStatusCode()).isEqualTo(401);
        assertThat(failure.isRetrySafe()).isFalse();
        assertThat(failure.getMessage()).doesNotContain(KEY).contains("Invalid API key: ****");
        assertThat(failure.getBrazeMessage()).doesNotContain(KEY);
    }

    @Test
    void scrubsAKeyEchoedThatIsNotTheConfiguredOne() {
        BrazeApiException failure = interpreter.failure(
                new BrazeResponse(401, Map.of(), "{\"message\":\"Invalid API key: some-other-key\"}"), 0);
        assertThat(failure.getMessage()).doesNotContain("some-other-key");
    }

    @Test
    void nonJsonBodyStillGivesTheStatusAndAShortExcerpt() {
        BrazeApiException failure = interpreter.failure(new BrazeResponse(502, Map.of(),
                "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"), 0);
        assertThat(failure.getStatusCode()).isEqualTo(502);
        assertThat(failure.isRetrySafe()).isTrue();
        assertThat(failure.getBrazeMessage()).isEqualTo("502 Bad Gateway 502 Bad Gateway");
    }

    @Test
    void a429CarriesTheResetTime() {
        BrazeApiException failure = interpreter.failure(new BrazeResponse(429,
                Map.of("X-RateLimit-Reset", "1592427600"), "{\"message\":\"Rate limited\"}"), 0);
        assertThat(failure).isInstanceOf(BrazeRateLimitException.class);
        assertThat(((BrazeRateLimitException) failure).getResetTime().getEpochSecond()).isEqualTo(1592427600L);
        assertThat(failure.isRetrySafe()).isTrue();
    }

    @Test
    void otherClientErrorsAreNotRetrySafe() {
        for (int status : new int[] { 400, 403, 404 }) {
            BrazeApiException failure = interpreter.failure(new BrazeResponse(status, Map.of(), "{\"message\":\"no\"}"), 0);
            assertThat(failure.isRetrySafe()).as("status %d", status).isFalse();
            assertThat(failure).isNotInstanceOf(BrazeRateLimitException.class);
        }
    }
}
