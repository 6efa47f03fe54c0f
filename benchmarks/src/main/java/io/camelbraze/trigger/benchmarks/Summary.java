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
package io.camelbraze.trigger.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of every scenario run, printed together at the end as a Markdown table (the format of docs/benchmarks.md). */
final class Summary {

    private final List<String[]> rows = new ArrayList<>();

    /**
     * @param scenario which scenario
     * @param variant  route or setting measured
     * @param figure   the measured figure, with its unit
     * @param ratio    against what, e.g. "1.35x baseline", or "" when no baseline makes sense
     * @param target   the target and whether it is met, or ""
     */
    synchronized void add(String scenario, String variant, String figure, String ratio, String target) {
        rows.add(new String[] {scenario, variant, figure, ratio, target});
    }

    synchronized void print() {
        if (rows.isEmpty()) {
            return;
        }
        String[] header = {"scenario", "variant", "measured", "ratio", "target"};
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
            for (String[] row : rows) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        System.out.printf(Locale.ROOT, "%n== summary ==%n");
        System.out.println(line(header, width));
        StringBuilder rule = new StringBuilder("|");
        for (int w : width) {
            rule.append('-').append("-".repeat(w)).append("-|");
        }
        System.out.println(rule);
        rows.forEach(row -> System.out.println(line(row, width)));
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            line.append(' ').append(cells[i]).append(" ".repeat(width[i] - cells[i].length())).append(" |");
        }
        return line.toString();
    }

    static String ratio(double value, double base, String against) {
        return base <= 0 ? "" : String.format(Locale.ROOT, "%.2fx %s", value / base, against);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    static String met(boolean met) {
        return met ? "met" : "MISSED";
    }
}
