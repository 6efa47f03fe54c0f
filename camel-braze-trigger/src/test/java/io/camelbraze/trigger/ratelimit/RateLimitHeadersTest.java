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
package io.camelbraze.trigger.ratelimit;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitHeadersTest {

    private static final long NOW = 1_700_000_000_000L;

    private static Map<String, String> headers(String... pairs) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    @Test
    void readsNamesCaseInsensitively() {
        Map<String, String> lower = headers("x-ratelimit-limit", "250000", "x-ratelimit-remaining", "249997",
                "x-ratelimit-reset", "1592427600");
        assertThat(RateLimitHeaders.limit(lower)).hasValue(250000);
        assertThat(RateLimitHeaders.remaining(lower)).hasValue(249997);
        assertThat(RateLimitHeaders.resetEpochMillis(lower, NOW)).hasValue(1_592_427_600_000L);
    }

    @Test
    void aSmallResetIsReadAsSecondsFromNow() {
        assertThat(RateLimitHeaders.resetEpochMillis(headers("X-RateLimit-Reset", "42"), NOW)).hasValue(NOW + 42_000);
    }

    @Test
    void emptyOrGarbageValuesAreUnknown() {
        assertThat(RateLimitHeaders.resetEpochMillis(headers("X-RateLimit-Reset", ""), NOW)).isEmpty();
        assertThat(RateLimitHeaders.remaining(headers("X-RateLimit-Remaining", "lots"))).isEmpty();
        assertThat(RateLimitHeaders.limit(headers())).isEmpty();
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertThat(RateLimitHeaders.retryAfterEpochMillis(headers("Retry-After", "7"), NOW)).hasValue(NOW + 7000);
        assertThat(RateLimitHeaders.retryAfterEpochMillis(headers("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"), NOW))
                .hasValue(1_445_412_480_000L);
        assertThat(RateLimitHeaders.retryAfterEpochMillis(headers(), NOW)).isEmpty();
    }
}
