package io.camelbraze.trigger.mapping;

import java.util.ArrayList;
import java.util.List;

import io.camelbraze.trigger.model.Recipient;
import io.camelbraze.trigger.model.TriggerRequest;

/** Splits a request's recipients into the requests Braze accepts (at most 50 recipients each). */
public final class RequestChunker {

    /** Braze's limit of recipients per trigger/send request. */
    public static final int MAX_RECIPIENTS = 50;

    private RequestChunker() {
    }

    /**
     * The request split, in order, into requests of at most {@code maxRecipients} recipients; every chunk keeps all other
     * fields. A request without recipients (a broadcast) is one chunk.
     */
    public static List<TriggerRequest> chunk(TriggerRequest request, int maxRecipients) {
        if (maxRecipients < 1) {
            throw new IllegalArgumentException("maxRecipients must be at least 1, was " + maxRecipients);
        }
        List<Recipient> recipients = request.recipients();
        if (recipients == null || recipients.size() <= maxRecipients) {
            return List.of(request);
        }
        List<TriggerRequest> chunks = new ArrayList<>((recipients.size() + maxRecipients - 1) / maxRecipients);
        for (int from = 0; from < recipients.size(); from += maxRecipients) {
            int to = Math.min(from + maxRecipients, recipients.size());
            chunks.add(request.withRecipients(recipients.subList(from, to)));
        }
        return List.copyOf(chunks);
    }
}
