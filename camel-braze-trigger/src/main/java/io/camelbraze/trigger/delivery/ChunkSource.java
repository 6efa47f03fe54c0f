package io.camelbraze.trigger.delivery;

/**
 * The requests of one delivery, produced one at a time so that a long input is never serialised whole. Called by one
 * thread at a time.
 */
public interface ChunkSource extends AutoCloseable {

    /**
     * The next request, or {@code null} when there are no more.
     *
     * @throws io.camelbraze.trigger.BrazeValidationException for an invalid record when invalid records fail the exchange
     */
    PreparedChunk next();

    /**
     * How many records the input holds as far as known (0 for a send without recipients): after a failure, what was not
     * sent is this minus what was accepted, rejected or skipped. A body in memory is counted whole; a streamed input is
     * not read further, so only its records read so far count.
     */
    int countRecords();

    @Override
    void close();
}
