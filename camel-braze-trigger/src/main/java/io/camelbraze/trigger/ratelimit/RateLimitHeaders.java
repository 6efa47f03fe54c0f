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

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads Braze's {@code X-RateLimit-Limit}, {@code -Remaining}, {@code -Reset} and an optional {@code Retry-After}. The map
 * passed in must be case-insensitive (Braze sends lowercase names under HTTP/2).
 * <p>
 * {@code X-RateLimit-Reset} is documented as UTC epoch seconds. A value below {@value #EPOCH_SECONDS_THRESHOLD} cannot be
 * an epoch second of this century's traffic and is read as a number of seconds from now instead. Empty values (Braze
 * sends them on a 401) mean "unknown".
 */
public final class RateLimitHeaders {

    /** 2001-09-09: anything smaller is taken as a delta in seconds. */
    static final long EPOCH_SECONDS_THRESHOLD = 1_000_000_000L;

    private RateLimitHeaders() {
    }

    public static OptionalLong limit(Map<String, String> headers) {
        return parseLong(headers.get("X-RateLimit-Limit"));
    }

    public static OptionalLong remaining(Map<String, String> headers) {
        return parseLong(headers.get("X-RateLimit-Remaining"));
    }

    /** The reset time as epoch milliseconds, from {@code X-RateLimit-Reset}, or empty when absent or unreadable. */
    public static OptionalLong resetEpochMillis(Map<String, String> headers, long nowMillis) {
        OptionalLong reset = parseLong(headers.get("X-RateLimit-Reset"));
        if (reset.isEmpty() || reset.getAsLong() < 0) {
            return OptionalLong.empty();
        }
        long value = reset.getAsLong();
        return OptionalLong.of(value >= EPOCH_SECONDS_THRESHOLD ? value * 1000 : nowMillis + value * 1000);
    }

    /** {@code Retry-After} (seconds or an HTTP date) as epoch milliseconds, when present. */
    public static OptionalLong retryAfterEpochMillis(Map<String, String> headers, long nowMillis) {
        String value = headers.get("Retry-After");
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        OptionalLong seconds = parseLong(value);
        if (seconds.isPresent()) {
            return OptionalLong.of(nowMillis + Math.max(0, seconds.getAsLong()) * 1000);
        }
        try {
            return OptionalLong.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong parseLong(String value) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
