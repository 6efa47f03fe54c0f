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
package io.camelbraze.trigger.ratelimit;

import static io.camelbraze.trigger.ratelimit.RateLimitBucket.RESET_GUARD_MILLIS;

/**
 * This node's estimated share of a Braze workspace's requests in one {@link RateLimitBucket}, and what it allows this node
 * to reserve in the current window (its quota).
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
 * 1/{@value RateLimitBucket#MIN_SHARE_DIVISOR}, and never less;</li>
 * <li>a node limited by its share keeps the last unit of its quota for the middle of the window: that request's answer is
 * the fresh view;</li>
 * <li>budget the others leave unused is taken when that fresh view shows at least {@value #RECLAIM_FACTOR} times the
 * share (decided once per window), or, after no other client's request was counted for {@value #OTHERS_IDLE_MILLIS} ms,
 * once one request has checked;</li>
 * <li>this node's requests still in flight when a window starts are charged to the new window's quota until their answers
 * show they were counted in the old one ({@link RateLimitWindow} keeps that charge).</li>
 * </ul>
 * A node alone has a share of 1 and bursts at full speed.
 *
 * <p>Not thread-safe on its own: guarded by the bucket's lock. The window it estimates from is told by the
 * {@link RateLimitWindow} it belongs to, which reports each answer and each new window here.
 */
final class WorkspaceShare {

    /** No other client's request counted for this long: the budget they have not used may be taken. */
    static final long OTHERS_IDLE_MILLIS = 10_000;
    /**
     * A fresh view after the middle of the window must show this many times our share before we take more: clearly over
     * the rounding of quotas to whole requests, yet low enough that when one of up to six nodes falls silent (the others'
     * shares grow by n/(n-1)) the others take its budget in the same window, not an hour later.
     */
    static final double RECLAIM_FACTOR = 1.2;
    /** How much faster the share of a node that saw no other client in a window may grow (×2 otherwise). */
    static final int LONE_GROWTH = 8;
    private static final double MIN_SHARE = 1.0 / RateLimitBucket.MIN_SHARE_DIVISOR;

    private long countedInWindow;    // answers Braze counted in this window
    private long usedInWindow;       // the most requests Braze said were counted in this window (limit - remaining)
    private long othersInWindow;     // the most requests of other clients seen counted in this window
    private long othersActiveAt;     // when others' requests were last seen counted (or the window started)
    private double sampledShare = -1; // our share as seen by the first answer after the middle of the window, -1 before
    private double share = MIN_SHARE;

    /** This node's estimated share of the workspace's requests (1: alone). */
    double value() {
        return share;
    }

    /** What this node's share of the window still allows it to reserve. */
    long quotaLeft(long now, RateLimitWindow window) {
        long limit = window.limit();
        long byShare = quota(share, limit) - window.reservedInWindow();
        if (byShare == 1 && holdsLastUnit(now, window)) {
            byShare = 0;
        }
        if (share >= 1 || countedInWindow == 0) {
            return byShare;
        }
        // budget the others leave unused may be taken: seen in the first answer after the middle of the window (clearly
        // more than our share, not rounding; decided once, as later answers are stale again once everyone takes more),
        // or after no other client's request was counted for a long while
        if (sampledShare >= share * RECLAIM_FACTOR) {
            byShare = Math.max(byShare, quota(sampledShare, limit) - window.reservedInWindow());
        }
        double measured = (double) countedInWindow / Math.max(countedInWindow, usedInWindow);
        if (now < reclaimAt() || measured <= share) {
            return byShare;
        }
        if (window.lastAnswerAt() < reclaimAt()) {
            // nothing counted for others lately, but our view is as old: one request checks before we take more
            return Math.max(byShare, window.inFlight() == 0 ? 1 : 0);
        }
        return Math.max(byShare, quota(measured, limit) - window.reservedInWindow());
    }

    /**
     * What to do once this node's share of the window is used up while the window still has budget. After the middle of
     * the window, answers on their way may show budget the others leave unused: wait for them. Else wait for the reset,
     * the middle of the window (the last unit, and a fresh view), or until others have been quiet long enough.
     */
    RateLimitBucket.Verdict whenUsedUp(long now, RateLimitWindow window) {
        long sampleAt = window.middle();
        if (share < 1 && window.inFlight() > 0 && sampleAt != 0 && now >= sampleAt) {
            return new RateLimitBucket.Verdict(RateLimitBucket.Decision.Kind.PARKED, 0);
        }
        long until = window.resetAt() + RESET_GUARD_MILLIS;
        if (share < 1 && reclaimAt() > now && reclaimAt() < until) {
            until = reclaimAt();
        }
        if (share < 1 && sampleAt > now && sampleAt < until) {
            until = sampleAt;
        }
        return new RateLimitBucket.Verdict(RateLimitBucket.Decision.Kind.WAIT, Math.max(1, until - now));
    }

    /** When the quota may grow with no answer: others quiet long enough ({@code Long.MAX_VALUE}: not before an answer). */
    long nextChange(long now) {
        return share < 1 && reclaimAt() > now ? reclaimAt() : Long.MAX_VALUE;
    }

    /**
     * Braze's rate-limit headers were seen for the first time: whether others share the workspace is not known yet, so
     * presume they do for a while.
     */
    void pacingStarted(long now) {
        othersActiveAt = now;
    }

    /**
     * An answer of the current window.
     *
     * @param counted   Braze counted the request (not a 429)
     * @param used      the requests Braze said were counted in the window (limit - remaining)
     * @param middleAt  the middle of the window, 0 while unknown
     */
    void answered(long now, boolean counted, long used, long middleAt) {
        if (counted) {
            countedInWindow++;
        }
        usedInWindow = Math.max(usedInWindow, used);
        if (sampledShare < 0 && middleAt != 0 && now >= middleAt && countedInWindow > 0) {
            sampledShare = (double) countedInWindow / Math.max(countedInWindow, usedInWindow);
        }
        long others = usedInWindow - countedInWindow;
        if (others > othersInWindow) {
            othersInWindow = others;
            othersActiveAt = now;
        }
    }

    /** Braze answered 429 in a window whose limit is known: the window is full. */
    void windowFull(long limit) {
        usedInWindow = limit;
    }

    /** A new window: carry this node's share of the old one, and count the new one from nothing. */
    void startWindow(long now, long limit) {
        if (countedInWindow > 0 && limit > 0) {
            share = Math.max(MIN_SHARE, nextShare(limit));
        }
        countedInWindow = 0;
        usedInWindow = 0;
        othersInWindow = 0;
        othersActiveAt = now;
        sampledShare = -1;
    }

    /**
     * This node's share of the window that ends: its requests Braze counted over all requests Braze counted. A node that
     * saw no other client's request is alone (share 1). Otherwise requests counted after this node's last answer are
     * unseen: the total is estimated from the highest count seen, as if this node's requests were spread evenly among
     * all (the "German tank" estimate), or is the limit if Braze answered 429. The share may fall at once but at most
     * doubles from one window to the next, so that a node whose requests happened to be counted first does not take
     * what the others will take again.
     */
    private double nextShare(long limit) {
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

    /**
     * A node limited by its share keeps the last unit of its window for the middle of the window: the answer to that
     * request shows what the other nodes took after the burst at the reset, which this node cannot see when its own
     * requests are counted first (it is closer to Braze, or quicker to wake up).
     */
    private boolean holdsLastUnit(long now, RateLimitWindow window) {
        if (share >= 1) {
            return false;
        }
        long sampleAt = window.middle();
        // the middle is not known before an answer of this window tells its reset: hold only if one is on its way
        return sampleAt == 0 ? window.inFlight() > 0 : now < sampleAt;
    }

    private static long quota(double ofShare, long limit) {
        return Math.max(1, (long) Math.floor(ofShare * limit + 1e-9));
    }

    private long reclaimAt() {
        return othersActiveAt + OTHERS_IDLE_MILLIS;
    }
}
