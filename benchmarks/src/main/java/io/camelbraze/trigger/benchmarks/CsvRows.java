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

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stream scenario's rows as a CSV file, for the route the issue asks for: {@code id,order_id,total,name}, row
 * {@code i} as {@link FlatRows#row(int)} gives it, except that one row in {@value #INVALID_EVERY} has no id (Braze would
 * refuse it; {@code invalidRecords=skip} sets it aside).
 */
final class CsvRows {

    static final int INVALID_EVERY = 100_000;

    private CsvRows() {
    }

    static boolean isInvalid(int row) {
        return row % INVALID_EVERY == INVALID_EVERY / 2;
    }

    /** Rows without an id among the first {@code rows}. */
    static int invalidAmong(int rows) {
        return (rows + INVALID_EVERY / 2) / INVALID_EVERY;
    }

    static Path write(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,order_id,total,name\n");
            for (int i = 0; i < rows; i++) {
                out.write(isInvalid(i) ? "" : "u" + i);
                out.write(",A-" + i + ",42.5,Customer " + i + "\n");
            }
        }
        return file;
    }
}
