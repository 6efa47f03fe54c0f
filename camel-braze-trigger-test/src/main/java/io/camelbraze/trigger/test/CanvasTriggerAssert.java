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

import java.util.List;

/** Checks on accepted sends of one Canvas; see {@link TriggerAssert}. From {@link FakeBraze#assertCanvasTriggered(String)}. */
public final class CanvasTriggerAssert extends TriggerAssert<CanvasTriggerAssert> {

    CanvasTriggerAssert(String canvasId, List<RecordedRequest> received) {
        super(BrazeEndpoint.CANVAS, canvasId, received);
    }

    /**
     * Narrows to recipients whose effective context (request {@code context}/{@code canvas_entry_properties}
     * overridden by the recipient's) has {@code key} equal to {@code value}.
     */
    public CanvasTriggerAssert withContext(String key, Object value) {
        return withProperty(key, value);
    }
}
