package io.camelbraze.trigger.delivery;

import java.util.List;

/**
 * What Braze said when it accepted one request (any 2xx).
 *
 * @param dispatchId Braze's dispatch_id; null when Braze sent none (a campaign may omit it; a 202 "queued" has none)
 * @param notice     e.g. that the Canvas is paused or archived; null when absent
 * @param errors     non-fatal errors[] entries; empty when absent
 */
public record AcceptedRequest(String dispatchId, String notice, List<String> errors) {
}
