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

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with jitter: the n-th retry waits a random time between half and all of
 * {@code min(maxDelay, initialDelay * 2^(n-1))}, so that many senders failing together do not retry in lockstep.
 *
 * @param random given a bound, a random number from 0 (inclusive) to it (exclusive); injected so that the simulation
 *               tests draw it from their seed
 */
public record RetryBackoff(long initialDelayMillis, long maxDelayMillis, LongUnaryOperator random) {

    public RetryBackoff(long initialDelayMillis, long maxDelayMillis) {
        this(initialDelayMillis, maxDelayMillis, bound -> ThreadLocalRandom.current().nextLong(bound));
    }

    public long delayBeforeRetry(int retryNumber) {
        int exponent = Math.min(Math.max(retryNumber - 1, 0), 30);
        long ceiling = Math.min(maxDelayMillis, initialDelayMillis * (1L << exponent));
        long half = ceiling / 2;
        return half + random.applyAsLong(ceiling - half + 1);
    }
}
