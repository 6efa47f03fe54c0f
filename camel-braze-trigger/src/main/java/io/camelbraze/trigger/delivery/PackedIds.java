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

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A list of ids Braze returned, one per request, kept small: a streamed input of a million rows makes 20,000 requests,
 * and the list lives until the exchange completes. An id of 32 lower-case hex digits (Braze's dispatch ids are) is
 * packed into 16 bytes instead of a String of some 80; any other id, and null, is kept as given. Read-only to
 * everyone but its owner, who appends under its own lock and hands out {@link #snapshot() snapshots}: a snapshot shares
 * the arrays (entries are never changed once written, only added after them) until either side appends again.
 */
public final class PackedIds extends AbstractList<String> implements RandomAccess {

    private static final byte NULL = 0;
    private static final byte HEX = 1;
    private static final byte OTHER = 2;
    private static final int HEX_LENGTH = 32;

    private byte[] kinds;
    private long[] words; // two per entry
    private final Map<Integer, String> others;
    private int size;
    private boolean shared; // the arrays are another list's too: copy them before writing

    public PackedIds() {
        this(new byte[16], new long[32], new HashMap<>(), 0, false);
    }

    private PackedIds(byte[] kinds, long[] words, Map<Integer, String> others, int size, boolean shared) {
        this.kinds = kinds;
        this.words = words;
        this.others = others;
        this.size = size;
        this.shared = shared;
    }

    /** Appends an id (null when Braze sent none). */
    void append(String id) {
        if (shared || size == kinds.length) {
            int capacity = size == kinds.length ? size + (size >> 1) + 1 : kinds.length;
            kinds = Arrays.copyOf(kinds, capacity);
            words = Arrays.copyOf(words, 2 * capacity);
            shared = false;
        }
        if (id == null) {
            kinds[size] = NULL;
        } else if (isPackable(id)) {
            kinds[size] = HEX;
            words[2 * size] = Long.parseUnsignedLong(id, 0, 16, 16);
            words[2 * size + 1] = Long.parseUnsignedLong(id, 16, 32, 16);
        } else {
            kinds[size] = OTHER;
            others.put(size, id);
        }
        size++;
    }

    /** A copy that later appends, to it or to this list, do not change. */
    PackedIds snapshot() {
        shared = true;
        return new PackedIds(kinds, words, new HashMap<>(others), size, true);
    }

    @Override
    public String get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        }
        return switch (kinds[index]) {
            case HEX -> hex(words[2 * index]) + hex(words[2 * index + 1]);
            case OTHER -> others.get(index);
            default -> null;
        };
    }

    @Override
    public int size() {
        return size;
    }

    private static boolean isPackable(String id) {
        if (id.length() != HEX_LENGTH) {
            return false;
        }
        for (int i = 0; i < HEX_LENGTH; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static String hex(long word) {
        String digits = Long.toHexString(word);
        return "0".repeat(16 - digits.length()) + digits;
    }
}
