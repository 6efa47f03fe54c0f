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

/**
 * What Braze said when it accepted one request (any 2xx).
 *
 * @param dispatchId Braze's dispatch_id; null when Braze sent none (a campaign may omit it; a 202 "queued" has none)
 * @param notice     e.g. that the Canvas is paused or archived; null when absent
 * @param errors     non-fatal errors[] entries; empty when absent
 * @param scheduleId the schedule_id of a schedule create; null otherwise
 * @param sendId     the send_id of a send-id creation (or of a tracked campaign broadcast); null otherwise
 */
public record AcceptedRequest(String dispatchId, String notice, List<String> errors, String scheduleId, String sendId) {

    /** What a trigger send answers: no schedule or send id. */
    public AcceptedRequest(String dispatchId, String notice, List<String> errors) {
        this(dispatchId, notice, errors, null, null);
    }
}
