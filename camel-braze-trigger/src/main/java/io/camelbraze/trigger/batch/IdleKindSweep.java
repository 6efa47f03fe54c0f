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
package io.camelbraze.trigger.batch;

/**
 * When the batcher looks for idle kinds to forget: once it keeps more than {@value #FIRST_AT}, and after that once the
 * kinds it keeps have doubled since it last looked. A look costs as many kinds as are kept, so each record pays for a
 * constant number of kinds looked at however many there are, and the batcher keeps at most twice as many kinds as were
 * still in use when it last looked. Not thread-safe: guarded by the batcher's lock.
 */
final class IdleKindSweep {

    /** Kinds kept while idle (their senders may come back) before the batcher first looks for long idle ones. */
    static final int FIRST_AT = 32;

    private int nextAt = FIRST_AT;
    private long kindsLookedAt;

    /** Whether to look now, with this many kinds kept. */
    boolean due(int kindsKept) {
        return kindsKept > nextAt;
    }

    /** A look went over {@code lookedAt} kinds and left {@code kept}. */
    void looked(int lookedAt, int kept) {
        kindsLookedAt += lookedAt;
        nextAt = Math.max(FIRST_AT, 2 * kept);
    }

    /** Kinds looked at so far. */
    long kindsLookedAt() {
        return kindsLookedAt;
    }
}
