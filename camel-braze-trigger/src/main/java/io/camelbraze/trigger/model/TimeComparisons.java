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
package io.camelbraze.trigger.model;

import java.time.Instant;

/** The {@code after} / {@code before} comparisons that the time-based Connected Audience filters share. */
public interface TimeComparisons {

    /** {@code after} an ISO 8601 datetime string, passed through as given. */
    Audience after(String isoDateTime);

    /** {@code before} an ISO 8601 datetime string, passed through as given. */
    Audience before(String isoDateTime);

    /** {@code after} an instant, written as ISO 8601 in UTC. */
    default Audience after(Instant instant) {
        return after(instant.toString());
    }

    /** {@code before} an instant, written as ISO 8601 in UTC. */
    default Audience before(Instant instant) {
        return before(instant.toString());
    }
}
