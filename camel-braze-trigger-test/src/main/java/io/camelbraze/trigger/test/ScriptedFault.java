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

import java.time.Duration;
import java.util.List;

/** One scripted misbehaviour of the fake, as queued by {@link FaultScript}; {@code message} only for a fatal answer. */
record ScriptedFault(Kind kind, int status, long resetInSeconds, Duration delay, List<String> errors, String message) {

    ScriptedFault(Kind kind, int status, long resetInSeconds, Duration delay, List<String> errors) {
        this(kind, status, resetInSeconds, delay, errors, null);
    }

    /** When a fault applies: instead of normal processing, on top of any answer, or only on an accepted request. */
    enum Phase { REPLACE, DELAY, ON_SUCCESS }

    enum Kind {
        RATE_LIMITED(Phase.REPLACE), SERVER_ERROR(Phase.REPLACE), HTML_BAD_GATEWAY(Phase.REPLACE),
        CONNECTION_RESET(Phase.REPLACE), EMPTY_RESPONSE(Phase.REPLACE), FATAL_ERRORS(Phase.REPLACE), DELAY(Phase.DELAY),
        PAUSED_CANVAS(Phase.ON_SUCCESS), ARCHIVED_CANVAS(Phase.ON_SUCCESS), NON_FATAL_ERRORS(Phase.ON_SUCCESS),
        QUEUED(Phase.ON_SUCCESS), ACCEPTED_THEN_DROPPED(Phase.ON_SUCCESS);

        final Phase phase;
        final boolean canvasOnly;

        Kind(Phase phase) {
            this.phase = phase;
            this.canvasOnly = name().endsWith("_CANVAS");
        }
    }

    static ScriptedFault of(Kind kind) {
        return new ScriptedFault(kind, 0, 0, Duration.ZERO, List.of());
    }
}
