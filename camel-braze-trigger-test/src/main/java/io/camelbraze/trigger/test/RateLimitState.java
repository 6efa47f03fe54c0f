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

/**
 * What a rate-limit bucket says about one request: whether it was let through, and the values of the
 * {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset} (epoch seconds, rounded up) headers.
 */
record RateLimitState(boolean allowed, long limit, long remaining, long resetEpochSeconds) {

    /** The tighter of two states: refused if either refused, the fewer remaining requests otherwise. */
    RateLimitState tighter(RateLimitState other) {
        if (allowed != other.allowed) {
            return allowed ? other : this;
        }
        return remaining <= other.remaining ? this : other;
    }
}
