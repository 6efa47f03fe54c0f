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

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.TreeMap;

import io.camelbraze.trigger.BrazeValidationException;

/**
 * Which requests of one exchange one target (an operation path on a workspace) accepted, in a size that does not grow
 * with the input: the unbroken run of accepted requests from the first (the prefix) is only counted, chained into one
 * 128-bit hash of their fingerprints and summed up in {@link AcceptedResults}; only requests accepted past a gap (those
 * that ended before an earlier one, or after a failure) are kept one by one until the gap closes.
 * <p>
 * A later delivery of the exchange works on a {@link #copy()}, which also checks that its input is the one that was
 * accepted: it reads its requests in order and asks {@link #acceptedBefore} of each. A prefix request is skipped, and its
 * fingerprint chained; when the last of them has been read the chain must match. Nothing is sent before that point, so a
 * changed input (a record added at the top shifts every request) fails the exchange instead of sending anyone twice.
 * Thread-safe.
 */
public final class TargetProgress {

    // what this delivery and the ones before it saw accepted; guarded by this
    private int prefixRequests;
    private Hash prefixChain;
    private final AcceptedResults prefixResults;
    private final TreeMap<Integer, Accepted> pastGap;
    private int acceptedRecipients;
    // what the earlier deliveries had accepted when this one started: the input is checked against it
    private final int replayPrefix;
    private final Hash replayChain;
    private final TreeMap<Integer, Accepted> replayPastGap;
    private Hash replayed = Hash.START;

    TargetProgress() {
        this(0, Hash.START, new AcceptedResults(), new TreeMap<>(), 0);
    }

    private TargetProgress(int prefixRequests, Hash prefixChain, AcceptedResults prefixResults,
                           TreeMap<Integer, Accepted> pastGap, int acceptedRecipients) {
        this.prefixRequests = prefixRequests;
        this.prefixChain = prefixChain;
        this.prefixResults = prefixResults;
        this.pastGap = pastGap;
        this.acceptedRecipients = acceptedRecipients;
        this.replayPrefix = prefixRequests;
        this.replayChain = prefixChain;
        this.replayPastGap = new TreeMap<>(pastGap);
    }

    /** The progress a later delivery starts from: what was accepted so far, its input yet to be checked. */
    synchronized TargetProgress copy() {
        return new TargetProgress(prefixRequests, prefixChain, prefixResults.snapshot(), new TreeMap<>(pastGap),
                acceptedRecipients);
    }

    /**
     * Whether an earlier delivery had this request accepted, for the requests of this delivery's input in order.
     *
     * @throws BrazeValidationException when the input is not the one those requests were read from
     */
    public synchronized boolean acceptedBefore(PreparedChunk chunk) {
        Hash fingerprint = Hash.of(chunk.fingerprint());
        if (chunk.index() < replayPrefix) {
            replayed = replayed.then(fingerprint);
            // requests come in input order: this is the last of the prefix
            if (chunk.index() == replayPrefix - 1 && !replayed.equals(replayChain)) {
                throw changedInput();
            }
            return true;
        }
        Accepted earlier = replayPastGap.get(chunk.index());
        if (earlier == null) {
            return false;
        }
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw changedInput();
        }
        return true;
    }

    /**
     * The input ended.
     *
     * @throws BrazeValidationException when it ended before every request accepted earlier was read again
     */
    public synchronized void inputEnded(int requestsRead) {
        boolean shorter = requestsRead < replayPrefix
                          || !replayPastGap.isEmpty() && replayPastGap.lastKey() >= requestsRead;
        if (shorter) {
            throw changedInput();
        }
    }

    public synchronized void markAccepted(PreparedChunk chunk, AcceptedRequest result) {
        int index = chunk.index();
        if (index < prefixRequests || pastGap.containsKey(index)) {
            return; // recorded already
        }
        acceptedRecipients += chunk.recipientCount();
        pastGap.put(index, new Accepted(Hash.of(chunk.fingerprint()), result));
        for (Accepted next; (next = pastGap.remove(prefixRequests)) != null; prefixRequests++) {
            prefixChain = prefixChain.then(next.fingerprint());
            prefixResults.add(next.result());
        }
    }

    public synchronized int acceptedRequests() {
        return prefixRequests + pastGap.size();
    }

    /** Accepted requests kept one by one (past a gap): the rest is summed up. */
    synchronized int keptOneByOne() {
        return pastGap.size();
    }

    public synchronized int acceptedRecipients() {
        return acceptedRecipients;
    }

    /** What Braze said of every accepted request, in input order. */
    public synchronized AcceptedResults results() {
        AcceptedResults results = prefixResults.snapshot();
        pastGap.values().forEach(accepted -> results.add(accepted.result()));
        return results;
    }

    private BrazeValidationException changedInput() {
        return new ChangedInput("differs from the input an earlier attempt of this exchange sent: Braze accepted " + (replayPrefix + replayPastGap.size())
                                                    + " request(s) of it, and the requests read from this input are not the"
                                                    + " same (a record added, removed or changed); nothing was sent again, so"
                                                    + " that nobody receives the message twice");
    }

    @Override
    public synchronized String toString() {
        return "TargetProgress[" + acceptedRequests() + " request(s) accepted, " + pastGap.size()
               + " past a gap]";
    }

    /** The input of a redelivery is not the one whose requests Braze accepted earlier. */
    static final class ChangedInput extends BrazeValidationException {
        private static final long serialVersionUID = 1L;

        ChangedInput(String problem) {
            super("body", problem);
        }
    }

    private record Accepted(Hash fingerprint, AcceptedRequest result) {
    }

    /** 128 bits of a SHA-256: a request's fingerprint, or a chain of them. */
    private record Hash(long high, long low) {
        static final Hash START = new Hash(0, 0);

        static Hash of(byte[] digest) {
            ByteBuffer bytes = ByteBuffer.wrap(digest);
            return new Hash(bytes.getLong(), bytes.getLong());
        }

        Hash then(Hash next) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                digest.update(ByteBuffer.allocate(32).putLong(high).putLong(low).putLong(next.high).putLong(next.low).array());
                return of(digest.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by the Java platform", e);
            }
        }
    }
}
