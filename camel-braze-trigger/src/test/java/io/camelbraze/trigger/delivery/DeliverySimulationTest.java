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

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.fail;

/**
 * Deterministic simulation of the delivery core (see {@link DeliverySimulation}): thousands of seeded schedules of
 * deliveries, faults, redeliveries and stops in random interleavings, each checked against the invariants — every
 * exchange completed exactly once and only after its requests ended, nothing accepted twice unless a request of it was
 * ambiguous, every recipient accounted for, nothing left behind — and that they make progress: every exchange completes
 * within a bound computed from its schedule, and rate-limit waits do not go on with no request on the wire. A failing
 * seed is printed with its event log and replays alone with {@code -Dsim.seed=N}; {@code -Dsim.schedules=N} runs more
 * (the benchmark module runs a million).
 */
class DeliverySimulationTest {

    @Test
    void everyScheduleKeepsTheInvariants() {
        String only = System.getProperty("sim.seed");
        if (only != null) {
            check(Long.parseLong(only));
            return;
        }
        int schedules = Integer.getInteger("sim.schedules", 30_000);
        long first = Long.getLong("sim.firstSeed", 1);
        for (long seed = first; seed < first + schedules; seed++) {
            check(seed);
        }
        System.out.println("Delivery simulation: " + schedules + " seeded schedules from seed " + first
                           + ", no invariant violated");
    }

    private static void check(long seed) {
        List<String> violations;
        try {
            violations = new DeliverySimulation(seed, false).run();
        } catch (RuntimeException | Error e) {
            violations = List.of("the simulation threw " + e);
        }
        if (violations.isEmpty()) {
            return;
        }
        DeliverySimulation replay = new DeliverySimulation(seed, true);
        try {
            replay.run();
        } catch (RuntimeException | Error e) {
            replay.log().add("threw " + e);
        }
        List<String> log = replay.log();
        String events = String.join("\n", log.subList(Math.max(0, log.size() - 300), log.size()));
        fail("Seed " + seed + " broke the delivery core's invariants (replay it alone with -Dsim.seed=" + seed + "):\n  "
             + String.join("\n  ", violations) + "\nEvent log (last 300 events):\n" + events);
    }
}
