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
import java.util.concurrent.Future;
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
import io.camelbraze.trigger.ratelimit.RateLimitBucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the requests of one exchange (or one batch) as a state machine that owns its state: every event — the start,
 * a pending-request place granted, an answer or transport failure, a timer, a rate-limit wake-up, an abort — is posted
 * to the delivery's {@link EventLoop} and handled one at a time; nothing else reads or writes the fields below, and no
 * lock is held while calling out (transport, bucket, listener, repository, {@code onDone}).
 *
 * <h2>The delivery</h2>
 * <table>
 * <caption>Phases</caption>
 * <tr><th>phase</th><th>event</th><th>what happens</th></tr>
 * <tr><td>READING</td><td>start, a request ended, a place granted</td><td>reads requests (skipping those accepted
 * before) while fewer are live than {@code maxConcurrent} or, if fewer, than the workspace's budget needs at Braze's
 * round trip ({@link ConcurrencyLimit}), asking each a pending-request place; a window read at once is
 * read whole before any of it is sent, so a short input with an invalid record sends nothing</td></tr>
 * <tr><td>READING</td><td>input ended</td><td>→ DRAINING</td></tr>
 * <tr><td>READING</td><td>invalid record, unreadable input, a request failed for good</td><td>the failure is kept;
 * requests read but not yet sent are dropped; → DRAINING</td></tr>
 * <tr><td>READING, DRAINING</td><td>abort (stop), or an event threw</td><td>whatever waits (a place, a timer, a
 * rate-limit wake-up) is withdrawn and not sent; requests on the wire are waited for; → DRAINING</td></tr>
 * <tr><td>DRAINING</td><td>no request live, no place on its way</td><td>→ DONE: {@code onDone} is called, exactly
 * once</td></tr>
 * </table>
 *
 * <h2>One request</h2>
 * <table>
 * <caption>Request states</caption>
 * <tr><th>state</th><th>event</th><th>next</th></tr>
 * <tr><td>WAITING_PLACE</td><td>place granted</td><td>READY; if the delivery stopped reading meanwhile, the place is
 * given back and the request dropped unsent</td></tr>
 * <tr><td>READY</td><td>the bucket says GO</td><td>ON_WIRE</td></tr>
 * <tr><td>READY</td><td>the bucket says WAIT, within {@code rateLimitMaxWait}</td><td>DELAYED</td></tr>
 * <tr><td>READY</td><td>the bucket says WAIT, beyond it</td><td>ENDED (BrazeRateLimitException, not sent)</td></tr>
 * <tr><td>READY</td><td>the bucket says PARKED</td><td>PARKED</td></tr>
 * <tr><td>PARKED</td><td>rate-limit wake-up</td><td>READY</td></tr>
 * <tr><td>DELAYED</td><td>timer</td><td>READY</td></tr>
 * <tr><td>ON_WIRE</td><td>2xx</td><td>ENDED, accepted (recorded before anything else)</td></tr>
 * <tr><td>ON_WIRE</td><td>429, 5xx, failure before Braze; retries and wait budget left; not aborted</td>
 * <td>DELAYED</td></tr>
 * <tr><td>ON_WIRE</td><td>anything else</td><td>ENDED, failed (ambiguous when Braze may have accepted it)</td></tr>
 * <tr><td>PARKED, DELAYED</td><td>abort</td><td>ENDED, not sent</td></tr>
 * </table>
 * A request holds its pending-request place from READY to ENDED.
 */
public final class Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private enum Phase { READING, DRAINING, DONE }

    private enum State { WAITING_PLACE, READY, PARKED, DELAYED, ON_WIRE, ENDED }

    private final DeliveryContext context;
    private final ChunkSource source;
    private final RateLimitBucket bucket;
    private final TargetProgress progress;
    private final IdempotentChunks idempotent;
    private final int maxConcurrent;
    private final Consumer<DeliveryOutcome> onDone;
    private final EventLoop events;

    // owned by the event loop
    private Phase phase = Phase.READING;
    private final List<Request> live = new ArrayList<>();
    private Request waitingPlace;
    private boolean placeOnItsWay;
    private int requestsRead;
    private int failedRequests;
    private int skippedRequests;
    private int skippedRecipients;
    private int ambiguousRecipients;
    private BrazeTriggerException failure;
    private Throwable fatal;
    private String abortedBecause;
    private boolean exhausted;
    private boolean withdrewAny;
    private boolean invalidRecord;

    /**
     * @param progress      what earlier deliveries of this exchange to this route step and target had accepted
     * @param idempotent    the idempotent repository's view for this input, or {@code null}
     * @param maxConcurrent requests of this delivery in flight at once
     * @param onDone        called exactly once, on the delivery's event loop, after every request has ended
     */
    public Delivery(DeliveryContext context, ChunkSource source, RateLimitBucket bucket, TargetProgress progress,
                    IdempotentChunks idempotent, int maxConcurrent, Consumer<DeliveryOutcome> onDone) {
        this.context = context;
        this.source = source;
        this.bucket = bucket;
        this.progress = progress;
        this.idempotent = idempotent;
        this.maxConcurrent = Math.max(1, maxConcurrent);
        this.onDone = onDone;
        this.events = new EventLoop(context.eventLoops(), this::onEventFailed);
    }

    /** Starts the delivery on its event loop, never on the caller's stack (a batch, started by another exchange). */
    public void start() {
        context.active().add(this);
        events.post(this::fill);
    }

    /**
     * Starts the delivery of the exchange whose {@code process()} calls this: the first event (reading the first window
     * and sending it) runs on the route's thread, without a hand-off; the later ones on the event loop. {@code onDone}
     * may run before this returns (an input that fails at once); {@link ExchangeCompletion} then completes the exchange
     * synchronously.
     */
    public void startHere() {
        context.active().add(this);
        events.postAndRunHere(this::fill);
    }

    /**
     * Stops the delivery (the producer is stopping): nothing more is sent, and it completes once the requests on the wire
     * have ended. A request on the wire may have reached Braze: the failure then says so.
     */
    public void abort(String why) {
        events.post(() -> onAbort(why));
    }

    // ---- events of the delivery

    /** Reads and starts requests while there is room. */
    private void fill() {
        if (phase != Phase.READING) {
            return;
        }
        List<Request> window = new ArrayList<>();
        int inFlightLimit = -1; // asked only when a second request may be read: most deliveries have one
        while (phase == Phase.READING && waitingPlace == null) {
            int started = live.size() + window.size();
            if (started > 0 && !source.drained()) {
                if (inFlightLimit < 0) {
                    inFlightLimit = inFlightLimit();
                }
                if (started >= inFlightLimit) {
                    break;
                }
            }
            PreparedChunk chunk = readNext();
            if (chunk == null) {
                break;
            }
            Request request = new Request(chunk);
            if (context.pending().tryAcquire(request.placeGranted)) {
                request.state = State.READY;
                window.add(request);
            } else {
                request.state = State.WAITING_PLACE;
                waitingPlace = request;
            }
        }
        if (failure != null && !window.isEmpty()) {
            // read ahead but not sent: nothing of this window leaves
            window.forEach(request -> context.pending().release());
            window.clear();
        }
        live.addAll(window);
        window.forEach(Request::tryToSend);
        completeIfDone();
    }

    /** {@code maxConcurrent}, or fewer when the workspace's budget is spent at Braze's pace with fewer in flight. */
    private int inFlightLimit() {
        if (maxConcurrent == 1) {
            return 1;
        }
        return ConcurrencyLimit.of(maxConcurrent, bucket.budgetPerSecond(context.clock().getAsLong()),
                context.roundTrips().millis());
    }

    /** The next request to send, skipping those already accepted; null when the input ends or fails (phase changed). */
    private PreparedChunk readNext() {
        while (true) {
            PreparedChunk chunk;
            try {
                chunk = source.next();
                if (chunk == null) {
                    progress.inputEnded(requestsRead);
                    exhausted = true;
                    phase = Phase.DRAINING;
                    return null;
                }
                requestsRead++;
                if (progress.acceptedBefore(chunk)) {
                    continue;
                }
                if (idempotent != null && idempotent.alreadyAccepted(chunk)) {
                    skippedRequests++;
                    skippedRecipients += chunk.recipientCount();
                    continue;
                }
                return chunk;
            } catch (BrazeValidationException invalid) {
                // the message says what Braze accepted once the requests in flight have ended (see finish)
                BrazeValidationException reported = readAgain(invalid);
                invalidRecord = reported == invalid && !(invalid instanceof TargetProgress.ChangedInput);
                context.listener().failed(FailureKind.VALIDATION, invalid.getField());
                stopReading(reported);
                return null;
            } catch (RuntimeException unreadable) {
                stopReading(new BrazeTriggerException("Cannot read the records to send: " + unreadable, unreadable));
                return null;
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

    private void stopReading(BrazeTriggerException why) {
        if (failure == null) {
            failure = why;
        }
        if (phase == Phase.READING) {
            phase = Phase.DRAINING;
        }
    }

    private void onPlaceGranted(Request request) {
        if (request != waitingPlace) {
            // given up before the place came (aborted): give it back
            placeOnItsWay = false;
            context.pending().release();
            completeIfDone();
            return;
        }
        waitingPlace = null;
        if (phase != Phase.READING) {
            context.pending().release(); // the delivery failed or stopped meanwhile: this request is not sent
            completeIfDone();
            return;
        }
        request.state = State.READY;
        live.add(request);
        request.tryToSend();
        fill();
    }

    private void onAbort(String why) {
        if (phase == Phase.DONE) {
            return;
        }
        if (abortedBecause == null) {
            abortedBecause = why;
        }
        boolean wasReading = phase == Phase.READING;
        withdrawWaiting();
        if (wasReading && failure == null && !withdrewAny) {
            // everything read so far was sent: whether the stop cut the delivery short depends on what is left to read
            exhausted = !inputLeft();
        }
        completeIfDone();
    }

    /** Something unexpected (a bug, an Error): stop, let the requests on the wire end, complete with it. */
    private void onEventFailed(Throwable t) {
        if (phase == Phase.DONE) {
            LOG.warn("An event of a finished braze-trigger delivery failed: {}", t.toString());
            return;
        }
        if (fatal == null) {
            fatal = t;
        }
        withdrawWaiting();
        completeIfDone();
    }

    /** Stops reading and ends every request that waits (for a place, a timer, a rate-limit wake-up): none of them is sent. */
    private void withdrawWaiting() {
        if (phase == Phase.READING) {
            phase = Phase.DRAINING;
        }
        if (waitingPlace != null) {
            withdrewAny = true;
            if (!context.pending().cancel(waitingPlace.placeGranted)) {
                placeOnItsWay = true; // handed to us already: its event gives it back
            }
            waitingPlace = null;
        }
        for (Request request : List.copyOf(live)) {
            request.withdraw();
        }
    }

    private void completeIfDone() {
        if (phase != Phase.DRAINING || !live.isEmpty() || waitingPlace != null || placeOnItsWay) {
            return;
        }
        phase = Phase.DONE;
        context.active().remove(this);
        Throwable reported = reportedFailure();
        int records = 0;
        try {
            records = source.countRecords();
        } catch (Throwable unreadable) {
            // the counts then cover what was read
        }
        try {
            source.close();
        } catch (Throwable ignored) {
            // nothing more is read
        }
        DeliveryOutcome outcome = new DeliveryOutcome(progress.results(), progress.acceptedRecipients(), skippedRequests,
                skippedRecipients, records, failedRequests, ambiguousRecipients, reported);
        onDone.accept(outcome);
    }

    private Throwable reportedFailure() {
        if (fatal != null) {
            return fatal;
        }
        if (failure == null && abortedBecause != null && (!exhausted || withdrewAny)) {
            // stopped before everything was sent (had everything been read and answered, the stop changed nothing)
            return new BrazeTransportException(abortedBecause + (ambiguousRecipients > 0
                    ? "; requests with " + ambiguousRecipients + " recipient(s) may have reached Braze"
                    : "; no request of this exchange is waiting at Braze"), null, ambiguousRecipients > 0);
        }
        if (invalidRecord && progress.acceptedRecipients() > 0 && failure instanceof BrazeValidationException invalid) {
            String problem = invalid.getMessage().startsWith(invalid.getField() + ": ")
                    ? invalid.getMessage().substring(invalid.getField().length() + 2) : invalid.getMessage();
            return new BrazeValidationException(invalid.getField(), problem + " (Braze had already accepted "
                                                                    + progress.acceptedRecipients()
                                                                    + " recipient(s) of this input; a redelivery resumes"
                                                                    + " after them)", invalid);
        }
        return failure;
    }

    /**
     * Whether the input holds a request not yet accepted: asked when a stop comes while nothing read was withdrawn, to
     * tell a delivery the stop cut short from one it did not.
     */
    private boolean inputLeft() {
        try {
            for (PreparedChunk chunk; (chunk = source.next()) != null; ) {
                requestsRead++;
                boolean acceptedEarlier = progress.acceptedBefore(chunk)
                                          || idempotent != null && idempotent.alreadyAccepted(chunk);
                if (!acceptedEarlier) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException unreadable) {
            return true;
        }
    }

    private static FailureKind kindOf(int status) {
        if (status == 401 || status == 403) {
            return FailureKind.AUTHENTICATION;
        }
        return status >= 500 ? FailureKind.SERVER_ERROR : FailureKind.CLIENT_ERROR;
    }

    private static BrazeTransportException unwrap(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof BrazeTransportException transport) {
            return transport;
        }
        return new BrazeTransportException("The request to Braze failed: " + cause.getClass().getSimpleName(), cause, true);
    }

    /** One request's way to Braze, including its retries and rate-limit waits. Touched only on the event loop. */
    private final class Request {
        private final PreparedChunk chunk;
        // identity matters: the pending-request queue and the bucket know a waiter by it
        private final Runnable placeGranted = () -> events.post(() -> onPlaceGranted(this));
        private final Runnable wakeUp = () -> events.post(this::onWakeUp);
        private State state;
        private RateLimitBucket.Reservation reservation;
        private Future<?> timer;
        private int retries;
        private long rateLimitWaited;
        private long backoffWaited;
        private long sentAt;
        private boolean mayHaveReachedBraze; // an earlier try of it ended ambiguously (retried with retryAmbiguousFailures)
        private boolean accepted;
        private boolean sent;

        Request(PreparedChunk chunk) {
            this.chunk = chunk;
        }

        void tryToSend() {
            if (abortedBecause != null || fatal != null) {
                withdrewAny = true;
                end(null, false);
                return;
            }
            long now = context.clock().getAsLong();
            RateLimitBucket.Decision decision = bucket.reserve(now, wakeUp);
            switch (decision.kind()) {
                case PARKED -> state = State.PARKED; // the answer that decides is on its way: the bucket wakes us
                case WAIT -> {
                    long wait = decision.waitMillis();
                    long maxWait = context.policy().rateLimitMaxWaitMillis();
                    if (rateLimitWaited + wait > maxWait) {
                        RateLimitBucket.Snapshot snapshot = bucket.snapshot();
                        context.listener().failed(FailureKind.RATE_LIMIT, "rate-limit wait exceeds the budget");
                        end(BrazeRateLimitException.waitBudgetExceeded(snapshot.resetEpochMillis() > 0
                                ? Instant.ofEpochMilli(snapshot.resetEpochMillis()) : null, rateLimitWaited + wait, maxWait), false);
                        return;
                    }
                    rateLimitWaited += wait;
                    context.listener().pacingWait(wait);
                    delay(wait);
                }
                case GO -> send(decision.reservation(), now);
            }
        }

        private void send(RateLimitBucket.Reservation granted, long now) {
            reservation = granted;
            state = State.ON_WIRE;
            sent = true;
            sentAt = now;
            context.listener().requestSent(chunk.recipientCount());
            context.client().post(context.path(), chunk.json())
                    .whenComplete((response, error) -> events.post(() -> onAnswered(response, error)));
        }

        private void onWakeUp() {
            if (state == State.PARKED) {
                state = State.READY;
                tryToSend();
            }
        }

        private void onTimer() {
            if (state == State.DELAYED) {
                timer = null;
                state = State.READY;
                tryToSend();
            }
        }

        private void delay(long millis) {
            state = State.DELAYED;
            try {
                timer = context.scheduler().schedule(() -> events.post(this::onTimer), millis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // the component is stopping: the delivery stops as on an abort, this request and every other that waits
                // (a parked one gives its rate-limit turn back) not sent
                state = State.READY;
                onAbort("The braze-trigger component is stopping; the request was not sent again");
            }
        }

        /** Abort: a request that waits is not sent; one on the wire is waited for. */
        void withdraw() {
            if (state != State.ON_WIRE) {
                withdrewAny = true;
            }
            switch (state) {
                case PARKED -> {
                    bucket.cancel(wakeUp);
                    end(null, false);
                }
                case DELAYED -> {
                    if (timer != null) {
                        timer.cancel(false);
                    }
                    end(null, false);
                }
                case READY -> end(null, false);
                default -> {
                    // ON_WIRE: its answer ends it; WAITING_PLACE and ENDED are not among the live requests
                }
            }
        }

        private void onAnswered(BrazeResponse response, Throwable error) {
            if (state != State.ON_WIRE) {
                return;
            }
            if (error != null) {
                onTransportFailure(unwrap(error));
            } else {
                onResponse(response);
            }
        }

        private boolean mayRetry() {
            return retries < context.policy().maxRetries() && abortedBecause == null && fatal == null;
        }

        private void onTransportFailure(BrazeTransportException transportFailure) {
            long now = context.clock().getAsLong();
            if (transportFailure.isPossiblyDelivered()) {
                reservation.unanswered(now);
            } else {
                reservation.release(now); // never reached Braze: its unit goes back
            }
            boolean retryable = transportFailure.isRetrySafe() || context.policy().retryAmbiguousFailures();
            FailureKind kind = transportFailure.isPossiblyDelivered() ? FailureKind.AMBIGUOUS : FailureKind.CONNECTION;
            if (retryable && mayRetry()) {
                mayHaveReachedBraze |= transportFailure.isPossiblyDelivered();
                retryAfterBackoff(kind, transportFailure.getMessage());
            } else {
                context.listener().failed(kind, transportFailure.getClass().getSimpleName());
                end(transportFailure, transportFailure.isPossiblyDelivered());
            }
        }

        private void onResponse(BrazeResponse response) {
            long now = context.clock().getAsLong();
            context.roundTrips().answered(now - sentAt);
            int status = response.statusCode();
            long resetAt = status == 429 ? reservation.onRateLimited(response.headers(), now) : 0;
            if (status != 429) {
                reservation.update(response.headers(), now);
            }
            if (response.isSuccess()) {
                AcceptedRequest result = context.interpreter().accepted(response);
                // recorded before anyone else hears of it: whatever happens next, a redelivery will not send it again
                progress.markAccepted(chunk, result);
                recordInRepository();
                context.listener().requestAccepted(chunk.recipientCount(), Math.max(0, now - sentAt), result);
                accepted = true;
                end(null, false);
                return;
            }
            BrazeApiException apiFailure = context.interpreter().failure(response, now);
            if (status == 429) {
                context.listener().rateLimited();
                long wait = Math.max(0, resetAt - now) + RateLimitBucket.RESET_GUARD_MILLIS;
                long maxWait = context.policy().rateLimitMaxWaitMillis();
                if (context.policy().retryRateLimited() && mayRetry() && rateLimitWaited + wait <= maxWait) {
                    retries++;
                    rateLimitWaited += wait;
                    context.listener().retryScheduled(FailureKind.RATE_LIMIT, wait);
                    logRetry("HTTP 429", wait);
                    delay(wait);
                } else {
                    context.listener().failed(FailureKind.RATE_LIMIT, "HTTP 429");
                    end(apiFailure, false);
                }
            } else if (status == 504) {
                // a gateway timeout says nothing of whether Braze processed the request: as ambiguous as a response timeout
                if (context.policy().retryAmbiguousFailures() && mayRetry()) {
                    mayHaveReachedBraze = true;
                    retryAfterBackoff(FailureKind.AMBIGUOUS, "HTTP 504");
                } else {
                    context.listener().failed(FailureKind.AMBIGUOUS, "HTTP 504");
                    end(apiFailure, true);
                }
            } else if (status >= 500 && mayRetry()) {
                retryAfterBackoff(FailureKind.SERVER_ERROR, "HTTP " + status);
            } else {
                context.listener().failed(kindOf(status), "HTTP " + status);
                end(retries == 0 ? apiFailure : apiFailure.explained("Sent " + (retries + 1) + " times, waiting "
                        + (backoffWaited + rateLimitWaited) + " ms between the attempts in all"), false);
            }
        }

        private void recordInRepository() {
            if (idempotent == null) {
                return;
            }
            try {
                idempotent.accepted(chunk);
            } catch (RuntimeException e) {
                stopReading(new BrazeTriggerException("Braze accepted a request but the idempotent repository could not"
                                                      + " record it (it would be sent again after a restart): " + e, e));
            }
        }

        private void retryAfterBackoff(FailureKind reason, String what) {
            retries++;
            long delay = context.policy().backoff().delayBeforeRetry(retries);
            backoffWaited += delay;
            context.listener().retryScheduled(reason, delay);
            logRetry(what, delay);
            delay(delay);
        }

        private void logRetry(String what, long delayMillis) {
            LOG.warn("{} for a request of {} recipient(s) to {}; retry {} of {} in {} ms", what, chunk.recipientCount(),
                    context.path(), retries, context.policy().maxRetries(), delayMillis);
        }

        /** This request is over: its place goes back, and the delivery reads on or completes. */
        private void end(BrazeTriggerException requestFailure, boolean ambiguous) {
            if (state == State.ENDED) {
                return;
            }
            state = State.ENDED;
            live.remove(this);
            if (sent && !accepted) {
                failedRequests++;
            }
            if (!accepted && (ambiguous || mayHaveReachedBraze)) {
                ambiguousRecipients += chunk.recipientCount();
            }
            if (requestFailure != null) {
                stopReading(requestFailure);
            }
            context.pending().release();
            fill();
            completeIfDone();
        }
    }
}
