package io.camelbraze.trigger.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import io.camelbraze.trigger.BrazeApiException;
import io.camelbraze.trigger.BrazeRateLimitException;
import io.camelbraze.trigger.BrazeTransportException;
import io.camelbraze.trigger.BrazeTriggerException;
import io.camelbraze.trigger.delivery.DeliveryListener.FailureKind;
import io.camelbraze.trigger.http.BrazeResponse;

/**
 * Sends the chunks of one exchange (or one batch) in order, each after the previous was accepted, skipping chunks already
 * accepted in an earlier delivery. Waits (rate-limit pacing, backoff) are scheduled, never slept. {@code onDone} is called
 * exactly once, with the results of every chunk or with the failure that stopped the delivery.
 */
public final class ChunkedDelivery {

    private final DeliveryContext context;
    private final List<PreparedChunk> chunks;
    private final RateLimitBucket bucket;
    private final ChunkProgress progress;
    private final BiConsumer<List<AcceptedRequest>, BrazeTriggerException> onDone;
    private final AcceptedRequest[] results;
    private final AtomicBoolean done = new AtomicBoolean();

    public ChunkedDelivery(DeliveryContext context, List<PreparedChunk> chunks, RateLimitBucket bucket, ChunkProgress progress,
                           BiConsumer<List<AcceptedRequest>, BrazeTriggerException> onDone) {
        this.context = context;
        this.chunks = chunks;
        this.bucket = bucket;
        this.progress = progress;
        this.onDone = onDone;
        this.results = new AcceptedRequest[chunks.size()];
    }

    public void start() {
        sendFrom(0, 0);
    }

    private void sendFrom(int position, int attempt) {
        try {
            int next = position;
            while (next < chunks.size()) {
                PreparedChunk chunk = chunks.get(next);
                AcceptedRequest earlier = progress.acceptedAt(chunk.index(), chunk.fingerprint());
                if (earlier == null) {
                    break;
                }
                results[next++] = earlier;
            }
            if (next == chunks.size()) {
                finish(null);
                return;
            }
            send(next, attempt);
        } catch (RuntimeException e) {
            finish(new BrazeTriggerException("Unexpected failure while sending to Braze: " + e, e));
        }
    }

    private void send(int position, int attempt) {
        long now = context.clock().getAsLong();
        long wait = bucket.reserve(now);
        if (wait > 0) {
            if (wait > context.policy().rateLimitMaxWaitMillis()) {
                RateLimitBucket.Snapshot state = bucket.snapshot();
                context.listener().failed(FailureKind.RATE_LIMIT, "rate-limit wait of " + wait + " ms exceeds the budget");
                finish(BrazeRateLimitException.waitBudgetExceeded(
                        state.resetEpochMillis() > 0 ? Instant.ofEpochMilli(state.resetEpochMillis()) : null, wait,
                        context.policy().rateLimitMaxWaitMillis()));
                return;
            }
            context.listener().pacingWait(wait);
            schedule(wait, () -> send(position, attempt));
            return;
        }
        PreparedChunk chunk = chunks.get(position);
        context.listener().requestSent(chunk.recipientCount());
        long startedAt = System.nanoTime();
        context.client().post(context.path(), chunk.json()).whenComplete((response, error) -> {
            try {
                context.completions().execute(() -> onResult(position, attempt, startedAt, response, error));
            } catch (RuntimeException rejected) {
                // the worker pool is shutting down: complete here rather than lose the callback
                onResult(position, attempt, startedAt, response, error);
            }
        });
    }

    private void onResult(int position, int attempt, long startedAt, BrazeResponse response, Throwable error) {
        try {
            if (error != null) {
                onTransportFailure(position, attempt, unwrap(error));
            } else {
                onResponse(position, attempt, startedAt, response);
            }
        } catch (RuntimeException e) {
            finish(new BrazeTriggerException("Unexpected failure while reading Braze's response: " + e, e));
        }
    }

    private void onTransportFailure(int position, int attempt, BrazeTransportException failure) {
        boolean retryable = failure.isRetrySafe() || context.policy().retryAmbiguousFailures();
        FailureKind kind = failure.isPossiblyDelivered() ? FailureKind.AMBIGUOUS : FailureKind.CONNECTION;
        if (retryable && attempt < context.policy().maxRetries()) {
            retryAfterBackoff(position, attempt, kind);
        } else {
            context.listener().failed(kind, failure.getClass().getSimpleName());
            finish(failure);
        }
    }

    private void onResponse(int position, int attempt, long startedAt, BrazeResponse response) {
        long now = context.clock().getAsLong();
        bucket.update(response.headers(), now);
        PreparedChunk chunk = chunks.get(position);
        if (response.isSuccess()) {
            AcceptedRequest accepted = context.interpreter().accepted(response);
            context.listener().requestAccepted(chunk.recipientCount(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), accepted);
            progress.markAccepted(chunk.index(), chunk.fingerprint(), accepted);
            results[position] = accepted;
            sendFrom(position + 1, 0);
            return;
        }
        BrazeApiException failure = context.interpreter().failure(response, now);
        int status = response.statusCode();
        if (status == 429) {
            context.listener().rateLimited();
            long resetAt = bucket.onRateLimited(response.headers(), now);
            long wait = resetAt - now + RateLimitBucket.RESET_GUARD_MILLIS;
            if (attempt < context.policy().maxRetries() && wait <= context.policy().rateLimitMaxWaitMillis()) {
                context.listener().retryScheduled(FailureKind.RATE_LIMIT, wait);
                schedule(wait, () -> send(position, attempt + 1));
            } else {
                context.listener().failed(FailureKind.RATE_LIMIT, "HTTP 429");
                finish(failure);
            }
        } else if (status >= 500 && attempt < context.policy().maxRetries()) {
            retryAfterBackoff(position, attempt, FailureKind.SERVER_ERROR);
        } else {
            context.listener().failed(kindOf(status), "HTTP " + status);
            finish(failure);
        }
    }

    private static FailureKind kindOf(int status) {
        if (status == 401 || status == 403) {
            return FailureKind.AUTHENTICATION;
        }
        return status >= 500 ? FailureKind.SERVER_ERROR : FailureKind.CLIENT_ERROR;
    }

    private void retryAfterBackoff(int position, int attempt, FailureKind reason) {
        long delay = context.policy().backoff().delayBeforeRetry(attempt + 1);
        context.listener().retryScheduled(reason, delay);
        schedule(delay, () -> send(position, attempt + 1));
    }

    private void schedule(long delayMillis, Runnable task) {
        try {
            context.scheduler().schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    finish(new BrazeTriggerException("Unexpected failure while sending to Braze: " + e, e));
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException rejected) {
            finish(new BrazeTriggerException("The braze-trigger producer is stopping; the send was not retried", rejected));
        }
    }

    private static BrazeTransportException unwrap(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof BrazeTransportException transport) {
            return transport;
        }
        return new BrazeTransportException("The request to Braze failed: " + cause.getClass().getSimpleName(), cause, true);
    }

    private void finish(BrazeTriggerException failure) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        if (failure != null) {
            onDone.accept(null, failure);
        } else {
            List<AcceptedRequest> all = new ArrayList<>(results.length);
            Collections.addAll(all, results);
            onDone.accept(Collections.unmodifiableList(all), null);
        }
    }
}
