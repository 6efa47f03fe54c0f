package io.camelbraze.trigger.delivery;

import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.mapping.BrazeJson;

/** A delivery of exactly one request without recipients: a schedule update or cancellation, a send-id creation. */
public final class SingleRequest implements ChunkSource {

    private final Object body;
    private boolean read;

    /** @param body the request, written as JSON by {@link BrazeJson} */
    public SingleRequest(Object body) {
        this.body = body;
    }

    @Override
    public PreparedChunk next() {
        if (read) {
            return null;
        }
        read = true;
        try {
            return new PreparedChunk(0, BrazeJson.writeBytes(body), 0);
        } catch (IllegalArgumentException e) {
            throw new BrazeValidationException("body", "cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public int countRecords() {
        return 0;
    }

    @Override
    public void close() {
        // nothing held
    }
}
