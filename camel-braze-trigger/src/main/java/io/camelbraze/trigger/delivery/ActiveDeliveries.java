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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deliveries of one producer that have not completed: when the producer stops, each still waiting (for a rate-limit
 * reset, a retry, a response) is completed with a clear exception instead of being left hanging.
 */
public final class ActiveDeliveries {

    private final Set<Delivery> active = ConcurrentHashMap.newKeySet();

    void add(Delivery delivery) {
        active.add(delivery);
    }

    void remove(Delivery delivery) {
        active.remove(delivery);
    }

    /** Deliveries not completed yet. */
    public int size() {
        return active.size();
    }

    /** Completes every active delivery with a failure saying why; returns how many there were. */
    public int abortAll(String why) {
        List<Delivery> snapshot = new ArrayList<>(active);
        snapshot.forEach(delivery -> delivery.abort(why));
        return snapshot.size();
    }
}
