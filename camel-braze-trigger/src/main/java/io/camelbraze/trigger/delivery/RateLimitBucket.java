package io.camelbraze.trigger.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What this node knows of one Braze rate-limit bucket (the targeted hourly bucket or the broadcast per-minute one) of one
 * workspace, learned from response headers, and the queue of senders waiting for it. Thread-safe; no Camel dependency.
 *
 * <h2>How a sender uses it</h2>
 * Before each HTTP request, call {@link #reserve(long, Runnable)}:
 * <ul>
 * <li>{@link Decision.Kind#GO GO}: send now. The decision carries a {@link Reservation}; report what became of the
 * request exactly once: {@link Reservation#update} (Braze answered, any status but 429), {@link Reservation#onRateLimited}
 * (Braze answered 429), {@link Reservation#release} (the request never reached Braze: connection refused, lease failure,
 * not sent at all) or {@link Reservation#unanswered} (it may have reached Braze but no answer will come: a timeout, a
 * connection dropped after the request was written). Later calls on the same reservation are ignored.</li>
 * <li>{@link Decision.Kind#WAIT WAIT}: a rate-limit wait. The budget this node may use is spent until
 * {@link Decision#waitMillis()} from now (a window reset). The caller decides whether it is willing to wait that long
 * (its {@code rateLimitMaxWait}, a total per request), schedules itself and calls {@code reserve} again then.</li>
 * <li>{@link Decision.Kind#PARKED PARKED}: not a rate-limit wait. The answer that decides is on its way (the first
 * request's answer while nothing is known, or answers to requests in flight that hold the last known budget). The bucket
 * keeps {@code wakeUp} and runs it, once, on the wake-up executor when it is worth asking again; {@code wakeUp} must then
 * call {@code reserve} again (on the thread that runs it, to keep its place in line). It is never run inside the
 * bucket's lock, nor recursively on a caller's stack.</li>
 * </ul>
 *
 * <h2>Budget</h2>
 * Braze's {@code X-RateLimit-Remaining} counts the whole workspace; a request this node reserved is counted by Braze only
 * when it arrives there. The budget this node may still reserve is therefore the smallest {@code Remaining} Braze gave
 * for the current window minus this node's requests in flight (after a reset, before Braze's first answer of the new
 * window: the limit minus the requests in flight). Waiting for answers in flight, rather than for the reset, when this
 * runs out means a request Braze did not count after all (it landed in the previous window, or its answer was already
 * reflected) is not lost.
 *
 * <h2>Sharing a workspace with other nodes</h2>
 * Other nodes, and other API clients of the workspace, draw from the same budget, and this node sees their requests only
 * in the counts Braze returns, after the fact. So the bucket estimates this node's <em>share</em> of the workspace's
 * requests and reserves at most {@code share × limit} in a window (its quota):
 * <ul>
 * <li>share = the requests Braze counted for this node in a window over all the requests Braze counted in it, seen by the
 * first answer after the middle of the window (a fresh view, after the burst at the reset); without one, from the highest
 * count seen, corrected for the requests counted after this node's last answer (the "German tank" estimate), or the limit
 * after a 429;</li>
 * <li>it may fall at once, but grows at most ×2 from one window to the next (×{@value #LONE_GROWTH} when no other client
 * was seen, straight to 1 when none was seen even after the middle of the window), so that a node whose requests happened
 * to be counted first does not take what the others will take again; before anything is measured it is
 * 1/{@value #MIN_SHARE_DIVISOR}, and never less;</li>
 * <li>a node limited by its share keeps the last unit of its quota for the middle of the window: that request's answer is
 * the fresh view;</li>
 * <li>budget the others leave unused is taken when that fresh view shows at least {@value #RECLAIM_FACTOR} times the
 * share (decided once per window), or, after no other client's request was counted for {@value #OTHERS_IDLE_MILLIS} ms,
 * once one request has checked;</li>
 * <li>this node's requests still in flight when a window starts are charged to the new window's quota until their answers
 * show they were counted in the old one.</li>
 * </ul>
 * A node alone has a share of 1 and bursts at full speed.
 */
public final class RateLimitBucket {

    /** Reset headers have whole-second precision: wait a little past the second to land in the new window. */
    static final long RESET_GUARD_MILLIS = 50;
    /** Wait after a 429 that carried no usable reset header, or when the reset is unknown and no answer is on its way. */
    static final long UNKNOWN_RESET_WAIT_MILLIS = 1000;
    /** While nothing is known, one request goes first; if its answer takes longer than this, one more goes. */
    static final long PROBE_TIMEOUT_MILLIS = 2000;
    /** Parked callers are looked at again at least this often, whatever happens. */
    static final long RECHECK_MILLIS = 2000;
    /** No other client's request counted for this long: the budget they have not used may be taken. */
    static final long OTHERS_IDLE_MILLIS = 10_000;
    /** A fresh view after the middle of the window must show this many times our share before we take more. */
    static final double RECLAIM_FACTOR = 1.5;
    /** How much faster the share of a node that saw no other client in a window may grow (×2 otherwise). */
    static final int LONE_GROWTH = 8;
    /** The smallest share of a window a node reserves (and its share while nothing is known): 1/16. */
    static final int MIN_SHARE_DIVISOR = 16;
    private static final double MIN_SHARE = 1.0 / MIN_SHARE_DIVISOR;

    /** The wake-up running on this thread: that caller keeps its place in the queue. */
    private static final ThreadLocal<Wake> WAKING = new ThreadLocal<>();
    /** Wake-ups handed out on this thread, while it hands out others: run in a loop, not recursively. */
    private static final ThreadLocal<ArrayDeque<Runnable>> DISPATCHING = new ThreadLocal<>();

    private final String name;
    private final Executor wakeUps;
    private final Supplier<? extends ScheduledExecutorService> timer;

    // what Braze said
    private boolean answered;        // the first request was answered (or given up): no more probing
    private boolean paced;           // Braze's rate-limit headers were seen: pace
    private long limit = -1;
    private long resetAt;            // reset of the current window (epoch ms), 0 while unknown
    private long remaining = -1;     // smallest Remaining Braze gave for resetAt, -1 while unknown
    private long lastAnswerAt;

    // this node's requests
    private int inFlight;            // granted and not yet settled
    private long window;             // +1 at each new window; reservations remember theirs
    private long reservedInWindow;   // granted in this window, or in flight when it started (may land in it)
    private long countedInWindow;    // answers Braze counted in this window
    private long usedInWindow;       // the most requests Braze said were counted in this window (limit - remaining)
    private long othersInWindow;     // the most requests of other clients seen counted in this window
    private long othersActiveAt;     // when others' requests were last seen counted (or the window started)
    private long windowStartedAt;
    private double sampledShare = -1; // our share as seen by the first answer after the middle of the window, -1 before
    private double share = MIN_SHARE;
    private long probeSince;         // while nothing is known: when the last request that goes first went, 0 if none

    // callers waiting for an answer
    private final ArrayDeque<Runnable> parked = new ArrayDeque<>();
    private int promised;            // parked callers woken to take a free unit, not yet back
    private long promisedAt;
    private long timerAt;            // deadline of the armed timer, 0 if none
    private boolean timerRefused;    // the scheduler refused the timer (stopping): nobody is parked then
    private long lastNow;

    /**
     * @param name    {@code targeted} or {@code broadcast}, for logs and snapshots
     * @param wakeUps runs parked callers' wake-ups (never the HTTP client's I/O threads); when it refuses a task, the
     *                wake-up runs on the thread that settled the answer, in a loop
     * @param timer   asked each time the bucket arms its one timer (a probe overdue, a reset, a periodic re-check while
     *                callers are parked), so that a scheduler replaced on restart is seen
     */
    public RateLimitBucket(String name, Executor wakeUps, Supplier<? extends ScheduledExecutorService> timer) {
        this.name = Objects.requireNonNull(name);
        this.wakeUps = Objects.requireNonNull(wakeUps);
        this.timer = Objects.requireNonNull(timer);
    }

    public String name() {
        return name;
    }

    /**
     * Asks to send one request now.
     *
     * @param nowMillis epoch milliseconds
     * @param wakeUp    run later if the decision is {@link Decision.Kind#PARKED}; it must call {@code reserve} again
     */
    public Decision reserve(long nowMillis, Runnable wakeUp) {
        Objects.requireNonNull(wakeUp, "wakeUp");
        Wake wake = WAKING.get();
        boolean woken = wake != null && wake.bucket() == this;
        Decision decision;
        List<Runnable> toWake;
        long arm;
        synchronized (this) {
            now(nowMillis);
            if (woken && wake.promised() && promised > 0) {
                promised--;
            }
            rollOver(nowMillis);
            decision = decide(nowMillis, woken);
            if (decision.kind() == Decision.Kind.PARKED) {
                if (woken) {
                    parked.addFirst(wakeUp);
                } else {
                    parked.addLast(wakeUp);
                }
            }
            toWake = wakeable(nowMillis);
            arm = armTimer(nowMillis);
        }
        schedule(arm);
        dispatch(toWake);
        return decision;
    }

    /** Removes a parked wake-up (its caller gave up, e.g. on stop); true if it was parked. */
    public synchronized boolean cancel(Runnable wakeUp) {
        return parked.removeFirstOccurrence(wakeUp);
    }

    private Decision decide(long now, boolean woken) {
        Verdict verdict = evaluate(now);
        if (verdict.kind() != Decision.Kind.GO) {
            return verdict.kind() == Decision.Kind.WAIT ? Decision.waitFor(verdict.amount()) : park();
        }
        // callers already in line go first; a woken caller is one of them
        long ahead = woken ? 0 : (long) promised + parked.size();
        if (verdict.amount() <= ahead) {
            return park();
        }
        if (!answered) {
            probeSince = now;
        }
        return grant();
    }

    /**
     * What the caller at the head of the line would be told now, without changing anything: GO (amount: how many may
     * go), WAIT (amount: milliseconds) or PARKED. {@link #decide} and {@link #wakeable} both follow it, so that a woken
     * caller is never parked again by the state that woke it.
     */
    private Verdict evaluate(long now) {
        if (!answered) {
            // nothing known: one request goes first and its answer tells the budget, so that a burst of concurrent
            // sends cannot overdraw a window we know nothing about; if that answer is overdue, one more goes
            boolean mayAsk = probeSince == 0 || now - probeSince >= PROBE_TIMEOUT_MILLIS;
            return mayAsk ? new Verdict(Decision.Kind.GO, 1) : new Verdict(Decision.Kind.PARKED, 0);
        }
        if (remaining == 0 && resetAt > now) {
            return new Verdict(Decision.Kind.WAIT, resetAt - now + RESET_GUARD_MILLIS); // Braze said: spent
        }
        if (!paced || limit < 0) {
            return new Verdict(Decision.Kind.GO, Long.MAX_VALUE); // answers without rate-limit headers: Braze decides
        }
        long free = free();
        long room = Math.min(free, quotaLeft(now));
        if (room > 0) {
            return new Verdict(Decision.Kind.GO, room);
        }
        if (free <= 0 || resetAt == 0) {
            // all the budget we know of is reserved (or our share is, and the reset is not known yet): answers in flight
            // may show that some was not used, or tell the reset; with none in flight, wait for the reset
            if (inFlight > 0) {
                return new Verdict(Decision.Kind.PARKED, 0);
            }
            return new Verdict(Decision.Kind.WAIT, resetAt > now ? resetAt - now + RESET_GUARD_MILLIS : UNKNOWN_RESET_WAIT_MILLIS);
        }
        // this node's share of the window is used up. After the middle of the window, answers on their way may show
        // budget the others leave unused: wait for them. Else wait for the reset, the middle of the window (the last
        // unit, and a fresh view), or until others have been quiet long enough.
        long sampleAt = sampleAt();
        if (share < 1 && inFlight > 0 && sampleAt != 0 && now >= sampleAt) {
            return new Verdict(Decision.Kind.PARKED, 0);
        }
        long until = resetAt + RESET_GUARD_MILLIS;
        if (share < 1 && reclaimAt() > now && reclaimAt() < until) {
            until = reclaimAt();
        }
        if (share < 1 && sampleAt > now && sampleAt < until) {
            until = sampleAt;
        }
        return new Verdict(Decision.Kind.WAIT, Math.max(1, until - now));
    }

    /** Parked, unless the bucket has no timer (stopping): then the caller is told to ask again later, on its own. */
    private Decision park() {
        return timerRefused ? Decision.waitFor(RECHECK_MILLIS) : Decision.PARKED;
    }

    private Decision grant() {
        inFlight++;
        reservedInWindow++;
        return Decision.go(new Reservation(window));
    }

    /** Budget left in the window after this node's requests in flight. */
    private long free() {
        long base = resetAt != 0 && remaining >= 0 ? remaining : limit;
        return base - inFlight;
    }

    /** What this node's share of the window still allows it to reserve. */
    private long quotaLeft(long now) {
        long byShare = quota(share) - reservedInWindow;
        if (byShare == 1 && holdsLastUnit(now)) {
            byShare = 0;
        }
        if (share >= 1 || countedInWindow == 0) {
            return byShare;
        }
        // budget the others leave unused may be taken: seen in the first answer after the middle of the window (clearly
        // more than our share, not rounding; decided once, as later answers are stale again once everyone takes more),
        // or after no other client's request was counted for a long while
        if (sampledShare >= share * RECLAIM_FACTOR) {
            byShare = Math.max(byShare, quota(sampledShare) - reservedInWindow);
        }
        double measured = (double) countedInWindow / Math.max(countedInWindow, usedInWindow);
        if (now < reclaimAt() || measured <= share) {
            return byShare;
        }
        if (lastAnswerAt < reclaimAt()) {
            // nothing counted for others lately, but our view is as old: one request checks before we take more
            return Math.max(byShare, inFlight == 0 ? 1 : 0);
        }
        return Math.max(byShare, quota(measured) - reservedInWindow);
    }

    /**
     * A node limited by its share keeps the last unit of its window for the middle of the window: the answer to that
     * request shows what the other nodes took after the burst at the reset, which this node cannot see when its own
     * requests are counted first (it is closer to Braze, or quicker to wake up).
     */
    private boolean holdsLastUnit(long now) {
        if (share >= 1) {
            return false;
        }
        long sampleAt = sampleAt();
        // the middle is not known before an answer of this window tells its reset: hold only if one is on its way
        return sampleAt == 0 ? inFlight > 0 : now < sampleAt;
    }

    /** The middle of the current window, 0 while its reset is unknown. */
    private long sampleAt() {
        return resetAt > windowStartedAt ? windowStartedAt + (resetAt - windowStartedAt) / 2 : 0;
    }

    private long quota(double ofShare) {
        return Math.max(1, (long) Math.floor(ofShare * limit + 1e-9));
    }

    private long reclaimAt() {
        return othersActiveAt + OTHERS_IDLE_MILLIS;
    }

    /** Parked callers worth waking now (promised a unit when they are woken to take one). Call with the lock held. */
    private List<Runnable> wakeable(long now) {
        if (parked.isEmpty()) {
            return List.of();
        }
        Verdict verdict = evaluate(now);
        int count;
        boolean promise = verdict.kind() == Decision.Kind.GO;
        if (promise) {
            count = (int) Math.max(0, Math.min(parked.size(), verdict.amount() - promised));
        } else {
            // WAIT: each is told how long to wait and decides (its rateLimitMaxWait); PARKED: the answer is still awaited
            count = verdict.kind() == Decision.Kind.WAIT ? parked.size() : 0;
        }
        if (count == 0) {
            return List.of();
        }
        List<Runnable> wake = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Runnable wakeUp = parked.pollFirst();
            wake.add(() -> runWoken(wakeUp, promise));
        }
        if (promise) {
            promised += count;
            promisedAt = now;
        }
        return wake;
    }

    /**
     * Learns from the headers of one answer.
     *
     * @param counted Braze counted the request (not a 429)
     * @return whether the answer belongs to the current window (false: an older one, or no rate-limit headers)
     */
    private boolean learn(Map<String, String> headers, long now, boolean counted) {
        RateLimitHeaders.limit(headers).ifPresent(value -> limit = value);
        OptionalLong headerReset = RateLimitHeaders.resetEpochMillis(headers, now);
        OptionalLong headerRemaining = RateLimitHeaders.remaining(headers);
        if (headerReset.isEmpty() || headerRemaining.isEmpty() || limit < 0) {
            return false;
        }
        long reset = headerReset.getAsLong();
        long left = headerRemaining.getAsLong();
        if (!paced) {
            // Braze paces this workspace (even if this first answer comes from a window that is over: then the current
            // window's budget is the limit until an answer tells more)
            paced = true;
            othersActiveAt = now; // whether others share the workspace is not known yet: presume they do for a while
            windowStartedAt = now;
        }
        if (reset <= now) {
            if (resetAt == 0 && reset > windowStartedAt) {
                startWindow(now); // no answer told this window's reset, but it is over: a new one has started
            }
            return false; // a late answer from a window that is over
        }
        lastAnswerAt = now;
        if (resetAt != 0 && reset > resetAt) {
            startWindow(now); // Braze's window moved on before our clock did
        }
        if (resetAt == 0) {
            resetAt = reset;
            remaining = left;
        } else if (reset == resetAt) {
            // answers of concurrent requests arrive out of order: the smallest count is the newest
            remaining = remaining < 0 ? left : Math.min(remaining, left);
        } else {
            return false; // an older window than the one we track (a 429's later Retry-After moved ours)
        }
        if (counted) {
            countedInWindow++;
        }
        usedInWindow = Math.max(usedInWindow, limit - left);
        if (sampledShare < 0 && sampleAt() != 0 && now >= sampleAt() && countedInWindow > 0) {
            sampledShare = (double) countedInWindow / Math.max(countedInWindow, usedInWindow);
        }
        long others = usedInWindow - countedInWindow;
        if (others > othersInWindow) {
            othersInWindow = others;
            othersActiveAt = now;
        }
        return true;
    }

    private void uncharge() {
        if (reservedInWindow > 0) {
            reservedInWindow--;
        }
    }

    private void rollOver(long now) {
        if (resetAt != 0 && now >= resetAt) {
            startWindow(now);
        }
    }

    /** A new window: carry this node's share of the old one; the new one's budget is the limit until Braze tells more. */
    private void startWindow(long now) {
        if (countedInWindow > 0 && limit > 0) {
            share = Math.max(MIN_SHARE, nextShare());
        }
        window++;
        // requests still in flight may be counted in the new window: they take from its share until their answers say
        reservedInWindow = inFlight;
        countedInWindow = 0;
        usedInWindow = 0;
        othersInWindow = 0;
        othersActiveAt = now;
        windowStartedAt = now;
        sampledShare = -1;
        resetAt = 0;
        remaining = -1;
    }

    /**
     * This node's share of the window that ends: its requests Braze counted over all requests Braze counted. A node that
     * saw no other client's request is alone (share 1). Otherwise requests counted after this node's last answer are
     * unseen: the total is estimated from the highest count seen, as if this node's requests were spread evenly among
     * all (the "German tank" estimate), or is the limit if Braze answered 429. The share may fall at once but at most
     * doubles from one window to the next, so that a node whose requests happened to be counted first does not take
     * what the others will take again.
     */
    private double nextShare() {
        double measured;
        if (usedInWindow <= countedInWindow) {
            if (sampledShare >= 0) {
                return 1; // no other client's request seen, even after the middle of the window: alone
            }
            measured = 1;
        } else if (sampledShare >= 0) {
            measured = sampledShare; // a fresh view, before anyone took what others left unused
        } else {
            double total = usedInWindow >= limit
                    ? limit : Math.min(limit, usedInWindow * (1 + 1.0 / countedInWindow) - 1);
            measured = Math.min(1, countedInWindow / Math.max(total, countedInWindow));
        }
        // a node that saw no other client at all grows faster (a lone node gets to full speed within two windows)
        return Math.min(measured, (othersInWindow == 0 ? LONE_GROWTH : 2) * share);
    }

    private void now(long nowMillis) {
        lastNow = Math.max(lastNow, nowMillis);
    }

    /** The deadline to arm the timer for (0: none needed, or one is armed as early). Call with the lock held. */
    private long armTimer(long now) {
        if (parked.isEmpty()) {
            return 0;
        }
        long deadline = now + RECHECK_MILLIS;
        if (!answered && probeSince != 0 && probeSince + PROBE_TIMEOUT_MILLIS > now) {
            deadline = Math.min(deadline, probeSince + PROBE_TIMEOUT_MILLIS);
        }
        if (resetAt > now) {
            deadline = Math.min(deadline, resetAt + RESET_GUARD_MILLIS);
        }
        if (share < 1 && reclaimAt() > now) {
            deadline = Math.min(deadline, reclaimAt());
        }
        if (timerAt != 0 && timerAt <= deadline && timerAt > now) {
            return 0;
        }
        timerAt = deadline;
        return deadline;
    }

    private void schedule(long deadline) {
        if (deadline == 0) {
            return;
        }
        long delay;
        synchronized (this) {
            delay = Math.max(0, deadline - lastNow);
        }
        try {
            timer.get().schedule(() -> onTimer(deadline), delay, TimeUnit.MILLISECONDS);
            synchronized (this) {
                timerRefused = false;
            }
        } catch (RuntimeException rejected) {
            // no scheduler (stopping): wake everyone now, so that no caller waits for a timer that will not come; they
            // are told to wait, not parked again (their own scheduling then fails and ends their delivery)
            List<Runnable> all = new ArrayList<>();
            synchronized (this) {
                timerRefused = true;
                timerAt = 0;
                for (Runnable wakeUp : parked) {
                    all.add(() -> runWoken(wakeUp, false));
                }
                parked.clear();
            }
            dispatch(all);
        }
    }

    private void onTimer(long deadline) {
        List<Runnable> wake;
        long arm;
        synchronized (this) {
            if (timerAt == deadline) {
                timerAt = 0;
            }
            long now = Math.max(lastNow, deadline);
            now(now);
            if (now - promisedAt >= RECHECK_MILLIS) {
                promised = 0; // woken callers that did not come back within a re-check period have given up their turn
            }
            rollOver(now);
            wake = wakeable(now);
            arm = armTimer(now);
        }
        schedule(arm);
        dispatch(wake);
    }

    /** Runs wake-ups on the executor, outside any lock; nested hand-outs on one thread run in a loop, not recursively. */
    private void dispatch(List<Runnable> wake) {
        if (wake.isEmpty()) {
            return;
        }
        ArrayDeque<Runnable> pending = DISPATCHING.get();
        boolean outermost = pending == null;
        if (outermost) {
            pending = new ArrayDeque<>();
            DISPATCHING.set(pending);
        }
        pending.addAll(wake);
        if (!outermost) {
            return;
        }
        try {
            Runnable next;
            while ((next = pending.poll()) != null) {
                try {
                    wakeUps.execute(next);
                } catch (RejectedExecutionException rejected) {
                    next.run();
                }
            }
        } finally {
            DISPATCHING.remove();
        }
    }

    private void runWoken(Runnable wakeUp, boolean promise) {
        Wake previous = WAKING.get();
        WAKING.set(new Wake(this, promise));
        try {
            wakeUp.run();
        } catch (RuntimeException e) {
            // the caller's own failure handling is its business; one failing wake-up must not stop the others
        } finally {
            if (previous == null) {
                WAKING.remove();
            } else {
                WAKING.set(previous);
            }
        }
    }

    /** A consistent copy for health checks, the dev console and tests. */
    public synchronized Snapshot snapshot() {
        long left = !paced || limit < 0 ? -1 : Math.max(0, free());
        return new Snapshot(name, limit, left, resetAt, inFlight, parked.size(), share);
    }

    /**
     * @param limit            last {@code X-RateLimit-Limit}, -1 if unknown
     * @param remaining        requests left in the window after this node's requests in flight, -1 if unknown
     * @param resetEpochMillis when the window resets, 0 if unknown
     * @param inFlight         this node's requests sent and not yet answered
     * @param parked           callers parked until an answer arrives
     * @param share            this node's estimated share of the workspace's requests (1: alone)
     */
    public record Snapshot(String bucket, long limit, long remaining, long resetEpochMillis, int inFlight, int parked,
                           double share) {
    }

    /** What {@link #reserve} decided. */
    public record Decision(Kind kind, long waitMillis, Reservation reservation) {

        public enum Kind {
            /** Send now; report the outcome on {@link #reservation()}. */
            GO,
            /** A rate-limit wait: ask again after {@link #waitMillis()}. */
            WAIT,
            /** Waiting for an answer, not for the rate limit: the wake-up will run. */
            PARKED
        }

        static final Decision PARKED = new Decision(Kind.PARKED, 0, null);

        static Decision go(Reservation reservation) {
            return new Decision(Kind.GO, 0, reservation);
        }

        static Decision waitFor(long millis) {
            return new Decision(Kind.WAIT, millis, null);
        }
    }

    private enum Outcome { ANSWERED, RATE_LIMITED, NEVER_SENT, UNANSWERED }

    private record Verdict(Decision.Kind kind, long amount) {
    }

    private record Wake(RateLimitBucket bucket, boolean promised) {
    }

    /** One granted request. Exactly one of its methods must be called; later calls are ignored. */
    public final class Reservation {

        private final long grantedInWindow;
        private boolean settled;

        private Reservation(long grantedInWindow) {
            this.grantedInWindow = grantedInWindow;
        }

        /** Braze answered (any status but 429): learn from the headers (case-insensitive map). */
        public void update(Map<String, String> headers, long nowMillis) {
            settle(Outcome.ANSWERED, headers, nowMillis);
        }

        /**
         * Braze answered 429: the bucket is empty until the reset (or {@code Retry-After}, whichever is later).
         *
         * @return the epoch millisecond the caller should wait for (if this reservation was already settled, the
         *         bucket's current reset, or one {@value #UNKNOWN_RESET_WAIT_MILLIS} ms from now)
         */
        public long onRateLimited(Map<String, String> headers, long nowMillis) {
            return settle(Outcome.RATE_LIMITED, headers, nowMillis);
        }

        /**
         * The request never reached Braze (connection refused, no connection leased, not sent at all): its unit goes
         * back to the window it was taken from, if that window is still the current one.
         */
        public void release(long nowMillis) {
            settle(Outcome.NEVER_SENT, Map.of(), nowMillis);
        }

        /** The request may have reached Braze, but no answer will come (timeout, connection dropped after writing). */
        public void unanswered(long nowMillis) {
            settle(Outcome.UNANSWERED, Map.of(), nowMillis);
        }

        /** Granted before the current window started: charged to it too, in case it landed in it. */
        private boolean carried() {
            return grantedInWindow != window;
        }

        private long settle(Outcome outcome, Map<String, String> headers, long now) {
            List<Runnable> wake;
            long arm;
            long until = 0;
            RateLimitBucket bucket = RateLimitBucket.this;
            synchronized (bucket) {
                bucket.now(now);
                if (settled) {
                    return outcome == Outcome.RATE_LIMITED ? (resetAt > now ? resetAt : now + UNKNOWN_RESET_WAIT_MILLIS) : 0;
                }
                settled = true;
                inFlight--;
                rollOver(now);
                switch (outcome) {
                    case ANSWERED -> {
                        // any answer ends the probe, even one without rate-limit headers (a 401, a load balancer's 502)
                        answered = true;
                        probeSince = 0;
                        boolean inCurrentWindow = learn(headers, now, true);
                        if (!inCurrentWindow && carried()) {
                            uncharge(); // counted in the window it was taken from
                        }
                    }
                    case RATE_LIMITED -> {
                        answered = true;
                        probeSince = 0;
                        learn(headers, now, false);
                        if (carried()) {
                            uncharge(); // a 429 is not counted
                        }
                        long reset = RateLimitHeaders.resetEpochMillis(headers, now).orElse(0);
                        long retryAfter = RateLimitHeaders.retryAfterEpochMillis(headers, now).orElse(0);
                        until = Math.max(reset, retryAfter);
                        if (until <= now) {
                            until = now + UNKNOWN_RESET_WAIT_MILLIS;
                        }
                        if (!paced) {
                            paced = true;
                            othersActiveAt = now;
                        }
                        // the 429's own reset is authoritative: it may be a shorter window than ours, or a later Retry-After
                        resetAt = until;
                        remaining = 0;
                        if (limit > 0) {
                            usedInWindow = limit; // the window is full
                        }
                    }
                    case NEVER_SENT, UNANSWERED -> {
                        if (outcome == Outcome.NEVER_SENT) {
                            // its unit goes back to the window it was taken from if that is still the current one; a
                            // newer window only loses the charge it carried in case the request landed there
                            uncharge();
                        }
                        if (!answered) {
                            probeSince = 0; // the first request told nothing: the next caller asks instead
                        }
                    }
                }
                wake = wakeable(now);
                arm = armTimer(now);
            }
            schedule(arm);
            dispatch(wake);
            return until;
        }
    }
}
