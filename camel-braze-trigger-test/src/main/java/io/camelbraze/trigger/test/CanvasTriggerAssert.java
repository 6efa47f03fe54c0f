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
