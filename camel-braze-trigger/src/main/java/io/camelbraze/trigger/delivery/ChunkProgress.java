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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which requests of an exchange Braze already accepted, kept as an exchange property so that a redelivery, by Camel or by
 * the component, sends only the requests not yet accepted. Kept per route step and target (the producer, its operation
 * path, workspace and Canvas or campaign id): one exchange sent to two Canvases keeps both records apart, and the same
 * Canvas twice in one route (or in a loop) is sent twice. A step's record is dropped once its delivery succeeds, so only
 * a redelivery of a failed step resumes from it. Each record stays small however long the input is (see
 * {@link TargetProgress}).
 * <p>
 * Copies of an exchange (multicast, split, wire tap) share their properties: each delivery therefore works on its own
 * {@link #copyOf copy} and puts it back on its exchange.
 */
public final class ChunkProgress {

    private final Map<String, TargetProgress> targets = new ConcurrentHashMap<>();

    /** A progress of its own for one delivery, starting from what an earlier one (possibly {@code null}) recorded. */
    public static ChunkProgress copyOf(ChunkProgress earlier) {
        ChunkProgress copy = new ChunkProgress();
        if (earlier != null) {
            earlier.targets.forEach((target, progress) -> copy.targets.put(target, progress.copy()));
        }
        return copy;
    }

    /** The record of one route step and target (the producer, its operation path, workspace and target id). */
    public TargetProgress of(String target) {
        return targets.computeIfAbsent(target, t -> new TargetProgress());
    }

    /** Forgets a step's record: its delivery completed, nothing is left to resume. */
    public void remove(String target) {
        targets.remove(target);
    }

    /** Requests accepted, all targets together. */
    public int acceptedCount() {
        return targets.values().stream().mapToInt(TargetProgress::acceptedRequests).sum();
    }

    @Override
    public String toString() {
        return "ChunkProgress[accepted requests=" + acceptedCount() + "]";
    }
}
