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

/**
 * How long Braze takes to answer, as seen by one producer: an exponentially weighted average of the round trips of the
 * requests it answered (time on the wire only: waits for a place or for the rate limit do not count). Batching and the
 * bulk sends' concurrency size themselves from it. Thread-safe.
 */
public final class RoundTrips {

    /** Weight of the newest round trip: about the last ten answers count. */
    private static final double WEIGHT = 0.1;

    // an estimate: two answers recorded at once may lose one of them, which the average does not notice; no lock on
    // the path of every answer
    private volatile double averageMillis = -1;

    /** One answered request's time on the wire. */
    public void answered(long millis) {
        long observed = Math.max(0, millis);
        double average = averageMillis;
        averageMillis = average < 0 ? observed : average + WEIGHT * (observed - average);
    }

    /** The average round trip in milliseconds, -1 before the first answer. */
    public long millis() {
        double average = averageMillis;
        return average < 0 ? -1 : Math.round(average);
    }
}
