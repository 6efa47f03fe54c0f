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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.camelbraze.trigger.BrazeApiException;
import io.camelbraze.trigger.BrazeRateLimitException;
import io.camelbraze.trigger.BrazeTransportException;
import io.camelbraze.trigger.BrazeTriggerException;
import io.camelbraze.trigger.BrazeValidationException;
import io.camelbraze.trigger.delivery.DeliveryListener.FailureKind;
import io.camelbraze.trigger.http.BrazeResponse;

/**
 * Sends the requests of one exchange (or one batch): reads them one at a time from a {@link ChunkSource}, keeps up to
 * {@code maxConcurrent} of them in flight, skips those already accepted (by an earlier delivery of the exchange, or
 * according to the idempotent repository), retries what is safe to retry, and stops reading at the first failure. Waits
 * (rate-limit pacing, backoff) are scheduled, never slept. {@code onDone} is called exactly once, after every request
 * in flight has ended, whatever is thrown on the way.
 * <p>
 * The first window of requests is read and validated before any is sent, so a short input with an invalid record sends
 * nothing; a long streamed input is validated as it is read.
 */
public final class ChunkedDelivery {

    private final DeliveryContext context;
    private final ChunkSource source;
    private final RateLimitBucket bucket;
    private final TargetProgress progress;
    private final IdempotentChunks idempotent;
    private final int maxConcurrent;
    private final Consumer<DeliveryOutcome> onDone;
    private final Runnable permitGranted = this::permitGranted;

    // guarded by this
    private int requestsRead;
    private int skippedRequests;
    private int skippedRecipients;
    private int inFlight;
    private int onWire;
    private PreparedChunk awaitingPermit;
    private boolean exhausted;
    private BrazeTriggerException failure;
    private Throwable fatal;
    private boolean finished;
    private boolean invalidRecord;

    /**
     * @param idempotent    the idempotent repository's view for this input, or {@code null}
     * @param maxConcurrent requests of this delivery in flight at once
     */
    public ChunkedDelivery(DeliveryContext context, ChunkSource source, RateLimitBucket bucket, ChunkProgress progress,
                           IdempotentChunks idempotent, int maxConcurrent, Consumer<DeliveryOutcome> onDone) {
        this.context = context;
        this.source = source;
        this.bucket = bucket;
        this.progress = progress.of(context.scope());
        this.idempotent = idempotent;
        this.maxConcurrent = Math.max(1, maxConcurrent);
        this.onDone = onDone;
    }

    public void start() {
        context.active().add(this);
        pump();
    }

    /** Reads and launches requests while there is room; finishes when nothing is left to wait for. */
    private void pump() {
        List<PreparedChunk> launch = new ArrayList<>();
        boolean finishNow;
        try {
            synchronized (this) {
                if (finished) {
                    return;
                }
                while (failure == null && fatal == null && awaitingPermit == null && !exhausted
                       && inFlight + launch.size() < maxConcurrent) {
                    PreparedChunk chunk = readNext();
                    if (chunk == null) {
                        break;
                    }
                    if (!context.pending().tryAcquire(permitGranted)) {
                        awaitingPermit = chunk;
                        break;
                    }
                    launch.add(chunk);
                }
                if (failure != null || fatal != null) {
                    // read ahead but not sent: nothing of this window leaves
                    launch.forEach(c -> context.pending().release());
                    launch.clear();
                }
                inFlight += launch.size();
                finishNow = inFlight == 0 && awaitingPermit == null && (exhausted || failure != null || fatal != null);
            }
        } catch (Throwable t) {
            failFatally(t);
            return;
        }
        if (finishNow) {
            finish();
            return;
        }
        launch.forEach(chunk -> new Attempt(chunk).send());
    }

    /** The next request to send, skipping those already accepted; null when the input ends or fails. Holds the lock. */
    private PreparedChunk readNext() {
        while (true) {
            PreparedChunk chunk;
            try {
                chunk = source.next();
            } catch (BrazeValidationException invalid) {
                // the message says what Braze accepted once the requests in flight have ended (see finish)
                failure = readAgain(invalid);
                invalidRecord = failure == invalid; // not for a one-shot stream found empty: a redelivery cannot resume it
                context.listener().failed(FailureKind.VALIDATION, invalid.getField());
                return null;
            } catch (RuntimeException unreadable) {
                failure = new BrazeTriggerException("Cannot read the records to send: " + unreadable, unreadable);
                return null;
            }
            try {
                if (chunk == null) {
                    exhausted = true;
                    progress.inputEnded(requestsRead);
                    return null;
                }
                requestsRead++;
                if (progress.acceptedBefore(chunk)) {
                    continue;
                }
            } catch (BrazeValidationException changedInput) {
                failure = changedInput;
                context.listener().failed(FailureKind.VALIDATION, changedInput.getField());
                return null;
            }
            if (idempotent != null && idempotent.alreadyAccepted(chunk)) {
                skippedRequests++;
                skippedRecipients += chunk.recipientCount();
            } else {
                return chunk;
            }
        }
    }

    /** An empty input after an earlier attempt was accepted: most likely a stream that cannot be read twice. */
    private BrazeValidationException readAgain(BrazeValidationException invalid) {
        if (invalid instanceof RequestChunks.EmptyInput && progress.acceptedRequests() > 0) {
            return new BrazeValidationException("body", "the input holds no records, but an earlier attempt of this exchange had "
                                                        + progress.acceptedRequests() + " request(s) accepted by Braze: an Iterator or"
                                                        + " Stream body is read once, so a redelivery finds it empty. Send a body"
                                                        + " that can be read again (a File, the file's content) to resume after what"
                                                        + " Braze accepted", invalid);
        }
        return invalid;
    }

    private BrazeValidationException afterAccepted(BrazeValidationException invalid) {
        String problem = invalid.getMessage().startsWith(invalid.getField() + ": ")
                ? invalid.getMessage().substring(invalid.getField().length() + 2) : invalid.getMessage();
        return new BrazeValidationException(invalid.getField(), problem + " (Braze had already accepted " + progress.acceptedRecipients()
                                                                + " recipient(s) of this input; a redelivery resumes after them)",
                invalid);
    }

    private void permitGranted() {
        PreparedChunk chunk;
        synchronized (this) {
            chunk = awaitingPermit;
            awaitingPermit = null;
            if (chunk == null || finished) {
                context.pending().release();
                return;
            }
            inFlight++;
        }
        new Attempt(chunk).send();
        pump();
    }

    /** One request's way to Braze, including its retries and rate-limit waits. */
    private final class Attempt {
        private final PreparedChunk chunk;
        // the bucket runs it (on the completion pool) when asking again is worthwhile
        private final Runnable wakeUp = () -> PendingRequests.runAsComponentThread(this::send);
        private RateLimitBucket.Reservation reservation;
        private int retries;
        private long rateLimitWaited;

        Attempt(PreparedChunk chunk) {
            this.chunk = chunk;
        }

        void send() {
            try {
                if (isFinished()) {
                    return;
                }
                long now = context.clock().getAsLong();
                RateLimitBucket.Decision decision = bucket.reserve(now, wakeUp);
                if (decision.kind() == RateLimitBucket.Decision.Kind.PARKED) {
                    return; // waiting for Braze's first answer of the window: the bucket wakes this request, no rate-limit wait
                }
                if (decision.kind() == RateLimitBucket.Decision.Kind.WAIT) {
                    long wait = decision.waitMillis();
                    long maxWait = context.policy().rateLimitMaxWaitMillis();
                    if (rateLimitWaited + wait > maxWait) {
                        RateLimitBucket.Snapshot state = bucket.snapshot();
                        context.listener().failed(FailureKind.RATE_LIMIT, "rate-limit wait exceeds the budget");
                        ended(BrazeRateLimitException.waitBudgetExceeded(
                                state.resetEpochMillis() > 0 ? Instant.ofEpochMilli(state.resetEpochMillis()) : null,
                                rateLimitWaited + wait, maxWait));
                        return;
                    }
                    rateLimitWaited += wait;
                    context.listener().pacingWait(wait);
                    schedule(wait, this::send);
                    return;
                }
                reservation = decision.reservation();
                context.listener().requestSent(chunk.recipientCount());
                long startedAt = System.nanoTime();
                synchronized (ChunkedDelivery.this) {
                    onWire++;
                }
                context.client().post(context.path(), chunk.json()).whenComplete((response, error) -> {
                    Runnable handle = () -> PendingRequests.runAsComponentThread(() -> onResult(startedAt, response, error));
                    try {
                        context.completions().execute(handle);
                    } catch (RejectedExecutionException stopping) {
                        // the component is stopping: completing here is better than never
                        handle.run();
                    }
                });
            } catch (Throwable t) {
                failFatally(t);
            }
        }

        private void onResult(long startedAt, BrazeResponse response, Throwable error) {
            synchronized (ChunkedDelivery.this) {
                onWire--;
            }
            try {
                if (error != null) {
                    onTransportFailure(unwrap(error));
                } else {
                    onResponse(startedAt, response);
                }
            } catch (Throwable t) {
                failFatally(t);
            }
        }

        private void onTransportFailure(BrazeTransportException failure) {
            if (failure.isPossiblyDelivered()) {
                reservation.unanswered(context.clock().getAsLong());
            } else {
                reservation.release(context.clock().getAsLong()); // never reached Braze: its unit goes back
            }
            boolean retryable = failure.isRetrySafe() || context.policy().retryAmbiguousFailures();
            FailureKind kind = failure.isPossiblyDelivered() ? FailureKind.AMBIGUOUS : FailureKind.CONNECTION;
            if (retryable && retries < context.policy().maxRetries() && !isFinished()) {
                retryAfterBackoff(kind);
            } else {
                context.listener().failed(kind, failure.getClass().getSimpleName());
                ended(failure);
            }
        }

        private void onResponse(long startedAt, BrazeResponse response) {
            long now = context.clock().getAsLong();
            long resetAt = response.statusCode() == 429 ? reservation.onRateLimited(response.headers(), now) : 0;
            if (response.statusCode() != 429) {
                reservation.update(response.headers(), now);
            }
            if (response.isSuccess()) {
                AcceptedRequest result = context.interpreter().accepted(response);
                // recorded before anyone else hears of it: whatever happens next, a redelivery will not send it again
                recordAccepted(result);
                context.listener().requestAccepted(chunk.recipientCount(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), result);
                ended(null);
                return;
            }
            BrazeApiException failure = context.interpreter().failure(response, now);
            int status = response.statusCode();
            boolean stopped = isFinished();
            if (status == 429) {
                context.listener().rateLimited();
                long wait = Math.max(0, resetAt - now) + RateLimitBucket.RESET_GUARD_MILLIS;
                long maxWait = context.policy().rateLimitMaxWaitMillis();
                if (context.policy().retryRateLimited() && retries < context.policy().maxRetries()
                    && rateLimitWaited + wait <= maxWait && !stopped) {
                    retries++;
                    rateLimitWaited += wait;
                    context.listener().retryScheduled(FailureKind.RATE_LIMIT, wait);
                    schedule(wait, this::send);
                } else {
                    context.listener().failed(FailureKind.RATE_LIMIT, "HTTP 429");
                    ended(failure);
                }
            } else if (status == 504) {
                // a gateway timeout says nothing of whether Braze processed the request: as ambiguous as a response timeout
                if (context.policy().retryAmbiguousFailures() && retries < context.policy().maxRetries() && !stopped) {
                    retryAfterBackoff(FailureKind.AMBIGUOUS);
                } else {
                    context.listener().failed(FailureKind.AMBIGUOUS, "HTTP 504");
                    ended(failure);
                }
            } else if (status >= 500 && retries < context.policy().maxRetries() && !stopped) {
                retryAfterBackoff(FailureKind.SERVER_ERROR);
            } else {
                context.listener().failed(kindOf(status), "HTTP " + status);
                ended(failure);
            }
        }

        private void recordAccepted(AcceptedRequest result) {
            progress.markAccepted(chunk, result);
            if (idempotent != null) {
                try {
                    idempotent.accepted(chunk);
                } catch (RuntimeException e) {
                    synchronized (ChunkedDelivery.this) {
                        if (failure == null) {
                            failure = new BrazeTriggerException("Braze accepted a request but the idempotent repository could"
                                                                + " not record it (it would be sent again after a restart): " + e, e);
                        }
                    }
                }
            }
        }

        private void retryAfterBackoff(FailureKind reason) {
            retries++;
            long delay = context.policy().backoff().delayBeforeRetry(retries);
            context.listener().retryScheduled(reason, delay);
            schedule(delay, this::send);
        }

        /** This request is over (accepted when {@code failure} is null): give its place back and read on. */
        private void ended(BrazeTriggerException requestFailure) {
            synchronized (ChunkedDelivery.this) {
                if (requestFailure != null && failure == null) {
                    failure = requestFailure;
                }
                if (finished) {
                    return; // aborted: its place was given back then
                }
                inFlight--;
            }
            context.pending().release();
            pump();
        }
    }

    private synchronized boolean isFinished() {
        return finished;
    }

    private static FailureKind kindOf(int status) {
        if (status == 401 || status == 403) {
            return FailureKind.AUTHENTICATION;
        }
        return status >= 500 ? FailureKind.SERVER_ERROR : FailureKind.CLIENT_ERROR;
    }

    private void schedule(long delayMillis, Runnable task) {
        try {
            // the scheduler's one thread only hands the task over: a slow route step after the producer must never hold it
            context.scheduler().schedule(() -> {
                try {
                    context.completions().execute(() -> PendingRequests.runAsComponentThread(task));
                } catch (RejectedExecutionException stopping) {
                    abort("The braze-trigger component is stopping; the request was not sent again");
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            abort("The braze-trigger component is stopping; the request was not sent again");
        }
    }

    private static BrazeTransportException unwrap(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof BrazeTransportException transport) {
            return transport;
        }
        return new BrazeTransportException("The request to Braze failed: " + cause.getClass().getSimpleName(), cause, true);
    }

    /** Something unexpected (a bug, an Error): stop reading, let the requests in flight end, complete with it. */
    private void failFatally(Throwable t) {
        boolean finishNow;
        synchronized (this) {
            if (fatal == null) {
                fatal = t;
            }
            finishNow = !finished;
        }
        if (finishNow) {
            abortWith(null);
        }
    }

    /**
     * Completes the delivery now, whatever is still waiting or in flight (the producer is stopping). A request in flight
     * may have reached Braze: the failure then says so.
     */
    public void abort(String why) {
        abortWith(why);
    }

    private void abortWith(String why) {
        int places;
        synchronized (this) {
            if (finished) {
                return;
            }
            if (why != null && failure == null) {
                boolean maybeDelivered = onWire > 0;
                failure = new BrazeTransportException(why + (maybeDelivered
                        ? "; " + onWire + " request(s) were in flight and may have reached Braze"
                        : "; nothing in flight: no request of this exchange is waiting at Braze"), null, maybeDelivered);
            }
            places = inFlight;
            inFlight = 0;
            if (awaitingPermit != null) {
                // still queued: withdrawn. Already granted: its callback is on its way, finds nothing to send and gives
                // the place back itself
                context.pending().cancel(permitGranted);
            }
            awaitingPermit = null;
        }
        for (int i = 0; i < places; i++) {
            context.pending().release();
        }
        finish();
    }

    private void finish() {
        DeliveryOutcome outcome;
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
        }
        context.active().remove(this);
        int records = 0;
        try {
            records = source.countRecords();
        } catch (Throwable unreadable) {
            // the counts then cover what was read
        } finally {
            source.close();
        }
        synchronized (this) {
            Throwable reported = fatal != null ? fatal : failure;
            if (fatal == null && invalidRecord && progress.acceptedRecipients() > 0
                && failure instanceof BrazeValidationException invalid) {
                reported = afterAccepted(invalid);
            }
            outcome = new DeliveryOutcome(progress.results(), progress.acceptedRecipients(), skippedRequests,
                    skippedRecipients, records, reported);
        }
        onDone.accept(outcome);
    }
}
