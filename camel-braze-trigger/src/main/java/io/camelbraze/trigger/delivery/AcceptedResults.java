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
import java.util.Collections;
import java.util.List;

/**
 * What Braze said of the requests it accepted for one exchange, in input order, summed up so that it stays small however
 * many requests a streamed input makes: the ids one per request (packed, see {@link PackedIds}), the non-fatal errors,
 * the last notice and the first request's send id. The {@link AcceptedRequest} of each request is not kept.
 */
public final class AcceptedResults {

    private final PackedIds dispatchIds;
    private PackedIds scheduleIds; // null until a request has one: trigger sends never do
    private final List<String> errors;
    private String notice;
    private String sendId;

    public AcceptedResults() {
        this(new PackedIds(), null, new ArrayList<>(), null, null);
    }

    private AcceptedResults(PackedIds dispatchIds, PackedIds scheduleIds, List<String> errors, String notice, String sendId) {
        this.dispatchIds = dispatchIds;
        this.scheduleIds = scheduleIds;
        this.errors = errors;
        this.notice = notice;
        this.sendId = sendId;
    }

    /** Adds the next request's answer (not thread-safe: the owner appends under its own lock). */
    void add(AcceptedRequest result) {
        if (dispatchIds.isEmpty()) {
            sendId = result.sendId();
        }
        if (result.scheduleId() != null && scheduleIds == null) {
            scheduleIds = new PackedIds();
            for (int i = 0; i < dispatchIds.size(); i++) {
                scheduleIds.append(null);
            }
        }
        if (scheduleIds != null) {
            scheduleIds.append(result.scheduleId());
        }
        dispatchIds.append(result.dispatchId());
        errors.addAll(result.errors());
        if (result.notice() != null) {
            notice = result.notice();
        }
    }

    /** A copy that later additions to this one do not change. */
    AcceptedResults snapshot() {
        return new AcceptedResults(dispatchIds.snapshot(), scheduleIds == null ? null : scheduleIds.snapshot(),
                new ArrayList<>(errors), notice, sendId);
    }

    public int requestCount() {
        return dispatchIds.size();
    }

    /** Braze's dispatch_id of each request, in order; null where Braze sent none. Read-only. */
    public List<String> dispatchIds() {
        return Collections.unmodifiableList(dispatchIds);
    }

    /** The schedule_id of each request, in order; null where Braze sent none. Read-only. */
    public List<String> scheduleIds() {
        if (scheduleIds == null) {
            return Collections.nCopies(requestCount(), null);
        }
        return Collections.unmodifiableList(scheduleIds);
    }

    /** Every request's non-fatal errors[] entries, in order. Read-only. */
    public List<String> errors() {
        return Collections.unmodifiableList(errors);
    }

    /** The last notice Braze gave (e.g. that the Canvas is paused), or null. */
    public String notice() {
        return notice;
    }

    /** The first request's send_id, or null. */
    public String sendId() {
        return sendId;
    }

    @Override
    public String toString() {
        return "AcceptedResults[requests=" + requestCount() + ", errors=" + errors.size() + "]";
    }
}
